// The kernel's per-SKU scratch buffer: the offsets of every figure it records, and reading them
// back for the explained path.

/**
 * The kernel writes its outputs for one SKU into a reused Float64Array (raw double stores: the
 * cheapest writes V8 has), at these indices; booleans are 0/1. @internal
 */
export const O_ERROR = 0;
/** Kernel buffer index. @internal */
export const O_MU = 1;
/** Kernel buffer index. @internal */
export const O_MU_L = 2;
/** Kernel buffer index. @internal */
export const O_SIGMA = 3;
/** Kernel buffer index. @internal */
export const O_K = 4;
/** Kernel buffer index. @internal */
export const O_K_RAW = 5;
/** Kernel buffer index. @internal */
export const O_POISSON = 6;
/** Kernel buffer index. @internal */
export const O_CLAMPED = 7;
/** Kernel buffer index. @internal */
export const O_SS = 8;
/** Kernel buffer index. @internal */
export const O_ROP = 9;
/** Kernel buffer index. @internal */
export const O_ORDER_UP_TO = 10;
/** Kernel buffer index. @internal */
export const O_MAX = 11;
/** Kernel buffer index. @internal */
export const O_Q_RAW = 12;
/** Kernel buffer index. @internal */
export const O_EOQ = 13;
/** Kernel buffer index. @internal */
export const O_Q_LOT = 14;
/** Kernel buffer index. @internal */
export const O_Q_SERVICE = 15;
/** Kernel buffer index. @internal */
export const O_RAW = 16;
/** Kernel buffer index. @internal */
export const O_SUGGESTED = 17;
/** Kernel buffer index. @internal */
export const O_CAPPED = 18;
/** Kernel buffer index. @internal */
export const O_ORDERED = 19;
/** Kernel buffer index. @internal */
export const O_STATUS = 20;
/** Kernel buffer index. @internal */
export const O_EXCESS = 21;
/** The size of a kernel output buffer. @internal */
export const O_SIZE = 22;

/** The kernel's outputs read back as a record (object path only). @internal */
export interface KernelOut {
  error: number;
  mu: number;
  muL: number;
  sigma: number;
  k: number;
  kRaw: number;
  poisson: boolean;
  clamped: boolean;
  ss: number;
  rop: number;
  orderUpTo: number;
  max: number;
  qRaw: number;
  eoq: number;
  qLot: number;
  qService: number;
  raw: number;
  suggested: number;
  capped: boolean;
  ordered: boolean;
  status: number;
  excess: number;
}

/** A fresh output buffer. @internal */
export function newKernelBuffer(): Float64Array {
  return new Float64Array(O_SIZE);
}

/** Reads a kernel buffer into a record. @internal */
export function readKernel(b: Float64Array): KernelOut {
  return {
    error: b[O_ERROR]!,
    mu: b[O_MU]!,
    muL: b[O_MU_L]!,
    sigma: b[O_SIGMA]!,
    k: b[O_K]!,
    kRaw: b[O_K_RAW]!,
    poisson: b[O_POISSON] === 1,
    clamped: b[O_CLAMPED] === 1,
    ss: b[O_SS]!,
    rop: b[O_ROP]!,
    orderUpTo: b[O_ORDER_UP_TO]!,
    max: b[O_MAX]!,
    qRaw: b[O_Q_RAW]!,
    eoq: b[O_EOQ]!,
    qLot: b[O_Q_LOT]!,
    qService: b[O_Q_SERVICE]!,
    raw: b[O_RAW]!,
    suggested: b[O_SUGGESTED]!,
    capped: b[O_CAPPED] === 1,
    ordered: b[O_ORDERED] === 1,
    status: b[O_STATUS]!,
    excess: b[O_EXCESS]!,
  };
}
