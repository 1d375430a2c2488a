// planReorder / planReorders: one SKU (or many under one policy) planned end to end, every figure
// explained. The numbers come from the shared kernel (kernel.ts), which the columnar path also runs.
import { differenceInCalendarDays } from 'date-fns';
import type { Decimal } from '../core/decimal.js';
import { utcDateOf, calculateDateAfter, type IsoDate } from '../core/dates.js';
import { fail, invalid, IssueCollector, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import { dailyFromHistory, dailyFromStats, fmt, type DailyDemand } from './demand.js';
import {
  AUTO_POISSON_BELOW,
  ERR_FILL_ZERO_Q,
  ERR_POISSON_MEAN,
  impliedLevels,
  newKernelBuffer,
  readKernel,
  planRange,
  type KernelColumns,
  type KernelOutputs,
  REORDER_STATUSES,
  resolvePolicy,
  STATUS_OVERSTOCK,
  STATUS_REORDER,
  STATUS_STOCKOUT,
  STATUS_URGENT,
  type ReorderStatus,
  type ResolvedPolicy,
} from './kernel.js';
import { roundPacks, snap } from './kernel.js';
import { MAX_POISSON_MEAN } from './poisson.js';
import {
  parsedReorderItemSchema,
  parsedReorderPolicySchema,
  type ParsedReorderItem,
  type ParsedReorderPolicy,
  type ReorderItem,
  type ReorderPolicy,
  type ReorderService,
} from './schema.js';
import { MAX_SEASONAL_WINDOW_DAYS, seasonalWindow } from './seasonality.js';

/** What a status asks for: expedite (stockout, urgent), replenish (reorder), promote or transfer (overstock). */
export type ReorderAction = 'expedite' | 'replenish' | 'none' | 'promote-or-transfer';

/** The conventions that produced a plan's figures. */
export interface ReorderConventions {
  /** `'continuous'` (r, Q) or `'periodic'` (R, S) review. */
  review: 'continuous' | 'periodic';
  /** The distribution used for this SKU (after `'auto'`). */
  distribution: 'normal' | 'poisson';
  /** The service target. */
  service: ReorderService;
  /** Whether the reorder point and order-up-to level are computed or the item's manual `levels`. */
  levels: 'computed' | 'manual';
  /** The trigger: position ≤ (`'lte'`) or < (`'lt'`) the reorder point. */
  trigger: 'lte' | 'lt';
  /** Pack rounding mode. */
  rounding: 'up' | 'down' | 'nearest';
  /** Whether a negative safety factor is clamped to 0. */
  safetyStockFloor: 'zero' | 'none';
  /** The rule `max` came from. */
  maxRule: 'levels' | 'maxDaysOfCover' | 'order-up-to' | 'reorder point + order quantity';
  /** The stock the triggers compare: always the inventory position. */
  stockBasis: 'inventory position (on hand + on order counted − backordered − committed)';
}

/** The intermediate figures of a plan, enough to reproduce it by hand. */
export interface ReorderBreakdown {
  /** Daily demand and how it was obtained. */
  demand: DailyDemand;
  /** Lead time in days and its standard deviation. */
  leadTimeDays: number;
  /** Standard deviation of the lead time in days. */
  leadTimeSdDays: number;
  /** The review period, or null under continuous review. */
  reviewPeriodDays: number | null;
  /** The protection interval in days: L, or R + L. */
  protectionDays: number;
  /** Σ of the seasonal indices over the lead time (equals the lead time without seasonality). */
  seasonalLeadTimeWeight: number;
  /** Mean demand over the lead time. */
  demandOverLeadTime: number;
  /** Mean demand over the protection interval. */
  demandOverProtection: number;
  /** Standard deviation of demand over the protection interval, √(P·σ_d² + d²·σ_L²). */
  sdOverProtection: number;
  /** The safety factor k used (null for Poisson, or without variability under a fill rate). */
  safetyFactor: number | null;
  /** The safety factor before the floor (for Poisson: the reorder level minus the mean). */
  unclampedSafetyFactor: number | null;
  /** The Q in G(k) = (1 − β)Q/σ and in the implied fill rate: the rule's lot size before rounding, d·R under periodic review, max − min with levels; null when none. */
  serviceLotSize: number | null;
  /** The order quantity by the rule before MOQ, packs and the maximum (null without a rule). */
  orderQuantityRaw: number | null;
  /** Units counted on order (receipts due within the lead time, or the given total). */
  onOrderCounted: number;
  /** Units on order not counted (receipts due after the lead time). */
  onOrderNotCounted: number;
  /** On hand − committed − backordered. */
  availableOnHand: number;
  /** The quantity before MOQ and packs that the suggestion started from (0 when nothing is ordered). */
  suggestedOrderRaw: number;
  /** The suggestion was lowered by `maxOrderQty`. */
  capped: boolean;
  /** Rounding would have left the position below the reorder point, so the suggestion was raised. */
  raisedToReorderPoint: boolean;
}

/** The plan of one SKU. Statistical figures are numbers; units to order are whole numbers. */
export interface ReorderPlan {
  /** The item's id, or null. */
  id: string | null;
  /** Safety stock in units. */
  safetyStock: number;
  /** The reorder point (alert line): demand over the lead time + safety stock, or the manual min. */
  reorderPoint: number;
  /** The order-up-to level: S under periodic review, reorder point + order quantity under continuous review, or the manual max. */
  orderUpTo: number;
  /** The lower limit: the reorder point. */
  min: number;
  /** The upper limit: manual max, demand × maxDaysOfCover, S, or reorder point + order quantity. */
  max: number;
  /** The economic order quantity before rounding, when the rule is EOQ. */
  eoq: number | null;
  /** The policy's lot size after MOQ, packs and the maximum, when there is a rule. */
  orderQuantity: number | null;
  /** On hand + on order counted − backordered − committed. */
  inventoryPosition: number;
  /** Units to order now (whole packs); 0 when no order is due. */
  suggestedOrder: number;
  /** The suggested order at the unit cost, when the cost is known. */
  orderValue: Decimal | null;
  /** Available on hand over demand per day; null at zero demand. */
  daysOfSupply: number | null;
  /** The status, checked in this order: stockout, urgent, reorder, overstock, ok. */
  status: ReorderStatus;
  /** What the status asks for. */
  action: ReorderAction;
  /** Position − max when overstocked, else 0. */
  excess: number;
  /** The cycle service level the final reorder level gives (0.5 for a k clamped to 0). */
  impliedCycleServiceLevel: number;
  /** The fill rate the final reorder level gives, 1 − σG(k)/Q (null without a Q). */
  impliedFillRate: number | null;
  /** The conventions that produced the figures. */
  conventions: ReorderConventions;
  /** The intermediate figures. */
  breakdown: ReorderBreakdown;
  /** Every figure explained, in order. */
  reasons: string[];
}

const ACTIONS: readonly ReorderAction[] = ['none', 'replenish', 'expedite', 'expedite', 'promote-or-transfer'];

/** A validated policy with its resolved numbers. @internal */
export interface PreparedPolicy {
  parsed: ParsedReorderPolicy;
  resolved: ResolvedPolicy;
}

/** Validates a policy once. @internal */
export function preparePolicy(policy: unknown, path: IssuePath): PreparedPolicy {
  const parsed = parseWith(parsedReorderPolicySchema, policy, path);
  return { parsed, resolved: resolvePolicy(parsed) };
}

function pct(x: number): string {
  return `${fmt(x * 100)}%`;
}

/** Explains the order of operations on a quantity with the same steps as lotOf. */
function explainLot(raw: number, moq: number, pack: number, maxQ: number, mode: number, position: number, rop: number): string {
  const steps: string[] = [fmt(raw)];
  let q = raw < moq ? moq : raw;
  if (raw < moq) steps.push(`MOQ ${moq}`);
  const packs = roundPacks(q / pack, mode);
  q = packs * pack;
  const modeName = mode === 0 ? 'up' : mode === 1 ? 'down' : 'nearest';
  steps.push(pack === 1 ? `${q} (whole units, rounding ${modeName})` : `${q} (${packs} packs of ${pack}, rounding ${modeName})`);
  if (q < moq) {
    q = Math.ceil(snap(moq / pack)) * pack;
    steps.push(`${q} (smallest pack multiple at or above the MOQ ${moq})`);
  }
  if (position + q < rop) {
    q = Math.ceil(snap((rop - position) / pack)) * pack;
    steps.push(`${q} (raised so the position reaches the reorder point ${fmt(rop)})`);
  }
  const cap = Math.floor(snap(maxQ / pack)) * pack;
  if (q > cap) {
    q = cap;
    steps.push(`${q} (capped at maxOrderQty ${maxQ} in whole packs)`);
  }
  return steps.join(' → ');
}

function effectivePolicy(base: PreparedPolicy, item: ParsedReorderItem): PreparedPolicy {
  if (item.policy === undefined) return base;
  const merged: Record<string, unknown> = { ...base.parsed };
  for (const [key, value] of Object.entries(item.policy)) if (value !== undefined) merged[key] = value;
  const parsed = merged as unknown as ParsedReorderPolicy;
  return { parsed, resolved: resolvePolicy(parsed) };
}

/** Plans one validated item. @internal */
export function planParsed(item: ParsedReorderItem, base: PreparedPolicy, path: IssuePath): ReorderPlan {
  const { parsed: policy, resolved: p } = effectivePolicy(base, item);
  const policyPath = (key: string): IssuePath => (item.policy !== undefined && key in item.policy ? [...path, 'policy', key] : ['policy', key]);
  const periodic = p.review > 0;
  const issues = new IssueCollector();

  const pack = item.packSize ?? 1;
  const moq = item.moq ?? 0;
  const maxQ = item.maxOrderQty ?? Number.POSITIVE_INFINITY;
  if (item.maxOrderQty !== undefined) {
    if (moq > item.maxOrderQty) {
      issues.add([...path, 'moq'], `must not exceed maxOrderQty (${item.maxOrderQty}), received ${moq}`, 'infeasible');
    } else if (Math.ceil(snap(moq / pack)) * pack > item.maxOrderQty) {
      issues.add(
        [...path, 'moq'],
        `needs ${Math.ceil(snap(moq / pack)) * pack} units in whole packs of ${pack}, more than maxOrderQty (${item.maxOrderQty})`,
        'infeasible',
      );
    } else if (item.maxOrderQty < pack) {
      issues.add([...path, 'maxOrderQty'], `must allow at least one pack of ${pack}, received ${item.maxOrderQty}`, 'infeasible');
    }
  }
  if (item.levels !== undefined && item.levels.max < item.levels.min) {
    issues.add([...path, 'levels', 'max'], `must be at least levels.min (${item.levels.min}), received ${item.levels.max}`, 'out_of_range');
  }
  if (p.qRule === 2 && !(item.unitCost !== undefined && item.unitCost.gt(0))) {
    issues.add(
      [...path, 'unitCost'],
      item.unitCost === undefined ? 'is required by the EOQ order quantity (h = holding rate × unit cost)' : 'must be greater than 0 for the EOQ order quantity (h = holding rate × unit cost), received 0',
      item.unitCost === undefined ? 'invalid_input' : 'out_of_range',
    );
  }
  if (!periodic && item.levels === undefined && p.qRule === 0) {
    issues.add(policyPath('orderQuantity'), 'is required under continuous review (reorder point + order quantity) unless the item has levels', 'invalid_input');
  }
  const asOf: IsoDate | undefined = policy.asOf;
  if (Array.isArray(item.stock.onOrder) && asOf === undefined) {
    issues.add(policyPath('asOf'), 'is required to count the receipts due within the lead time', 'invalid_input');
  }
  const seasonAsOf = item.seasonality?.asOf ?? asOf;
  if (item.seasonality !== undefined) {
    if (item.seasonality.indicesByMonth.length !== 12) {
      issues.add(
        [...path, 'seasonality', 'indicesByMonth'],
        `must hold 12 monthly indices (January to December), received ${item.seasonality.indicesByMonth.length}`,
        'invalid_input',
      );
    }
    if (seasonAsOf === undefined) issues.add([...path, 'seasonality', 'asOf'], 'is required (or the policy asOf): the lead-time window starts there', 'invalid_input');
    if (item.leadTime.days + p.review > MAX_SEASONAL_WINDOW_DAYS) {
      issues.add([...path, 'leadTime', 'days'], `with seasonality, the protection interval must be at most ${MAX_SEASONAL_WINDOW_DAYS} days`, 'out_of_range');
    }
  }
  issues.throwIfAny();

  // Demand per day.
  const dd = 'history' in item.demand ? dailyFromHistory(item.demand.history, item.demand.periodDays) : dailyFromStats(item.demand.meanPerDay, item.demand.sdPerDay, 1);
  const d = dd.meanPerDay;
  const sd = dd.sdPerDay;
  const L = item.leadTime.days;
  const sdL = item.leadTime.sdDays ?? 0;
  const P = periodic ? p.review + L : L;

  // Inventory position.
  let onOrderCounted = 0;
  let onOrderLater = 0;
  let laterCount = 0;
  let receiptNote = '';
  if (Array.isArray(item.stock.onOrder)) {
    const start = utcDateOf(asOf!);
    for (const r of item.stock.onOrder) {
      if (differenceInCalendarDays(utcDateOf(r.due), start) <= L) onOrderCounted += r.quantity;
      else {
        onOrderLater += r.quantity;
        laterCount++;
      }
    }
    const horizon = Number.isInteger(L) ? calculateDateAfter(asOf!, L) : `${asOf} + ${fmt(L)} days`;
    receiptNote = ` (receipts due by ${horizon}${laterCount > 0 ? `; ${laterCount} later receipt${laterCount === 1 ? '' : 's'} of ${fmt(onOrderLater)} not counted` : ''})`;
  } else onOrderCounted = item.stock.onOrder;
  const backordered = item.stock.backordered ?? 0;
  const committed = item.stock.committed ?? 0;
  const position = item.stock.onHand + onOrderCounted - backordered - committed;
  const available = item.stock.onHand - committed - backordered;

  // Seasonal weights.
  let wL = L;
  let wP = P;
  let vP = P;
  let rate = d;
  let seasonNote = '';
  if (item.seasonality !== undefined) {
    const idx = item.seasonality.indicesByMonth;
    const [sL] = seasonalWindow(idx, seasonAsOf!, L);
    const [sP, qP] = seasonalWindow(idx, seasonAsOf!, P);
    wL = sL;
    wP = sP;
    vP = qP;
    rate = P > 0 ? (d * sP) / P : d;
    seasonNote = `seasonality from ${seasonAsOf}: Σ of the daily indices over the lead time ${fmt(L)} days = ${fmt(sL)}${periodic ? `, over R + L = ${fmt(P)} days = ${fmt(sP)}` : ''}; σ_d scales with the index (variance weight Σ I² = ${fmt(qP)}), σ_L uses the window's mean rate ${fmt(rate)}/day`;
  }

  const unitCost = item.unitCost !== undefined ? item.unitCost.toNumber() : Number.NaN;
  const hasLevels = item.levels !== undefined;
  const buffer = newKernelBuffer();
  const one = (x: number): Float64Array => Float64Array.of(x);
  const columns: KernelColumns = {
    d: one(d),
    sd: one(sd),
    L: one(L),
    sdL: one(sdL),
    onHand: one(item.stock.onHand),
    onOrder: one(onOrderCounted),
    unitCost: item.unitCost !== undefined ? one(unitCost) : undefined,
    moq: one(moq),
    pack: one(pack),
    maxQ: one(maxQ),
    backordered: one(backordered),
    committed: one(committed),
  };
  if (item.seasonality !== undefined) {
    columns.wL = one(wL);
    columns.wP = one(wP);
    columns.vP = one(vP);
    columns.rate = one(rate);
  }
  if (hasLevels) {
    columns.levelMin = one(item.levels!.min);
    columns.levelMax = one(item.levels!.max);
  }
  const single: KernelOutputs = {
    safetyStock: new Float64Array(1),
    reorderPoint: new Float64Array(1),
    orderUpTo: new Float64Array(1),
    max: new Float64Array(1),
    suggestedOrder: new Float64Array(1),
    status: new Uint8Array(1),
  };
  planRange(p, columns, 1, single, buffer, true, false);
  const o = readKernel(buffer);
  if (o.error === ERR_FILL_ZERO_Q) {
    fail('infeasible', policyPath('service'), `a fill-rate target needs an order quantity above 0, but the lot size is ${fmt(o.qService)} while demand varies (σ ${fmt(o.sigma)})`);
  }
  if (o.error === ERR_POISSON_MEAN) {
    outOfRange(policyPath('distribution'), `'poisson' needs a mean demand over the protection interval of at most ${MAX_POISSON_MEAN}, received ${fmt(o.mu)}`);
  }

  const reasons: string[] = [...dd.conventions];
  reasons.push(`lead time ${fmt(L)} days (σ ${fmt(sdL)} days)`);
  reasons.push(
    periodic
      ? `periodic review every ${fmt(p.review)} days: the protection interval is R + L = ${fmt(P)} days (order up to S at each review)`
      : `continuous review: the protection interval is the lead time, ${fmt(L)} days`,
  );
  if (seasonNote !== '') reasons.push(seasonNote);
  const serviceText = p.fill ? `fill rate ${pct(p.level)}` : `cycle service ${pct(p.level)}`;
  const sigmaText = `σ over the protection interval = √(${fmt(vP)} × ${fmt(sd)}² + ${fmt(rate)}² × ${fmt(sdL)}²) = ${fmt(o.sigma)}`;
  if (o.poisson) {
    const why = p.dist === 2 ? `auto: mean demand over the protection interval ${fmt(o.mu)} < ${AUTO_POISSON_BELOW}` : 'policy';
    const top = periodic ? o.orderUpTo : o.rop;
    reasons.push(`Poisson lead-time demand (${why}), mean ${fmt(o.mu)}; σ_d and σ_L are not used (Poisson variance = mean)`);
    reasons.push(
      p.fill
        ? `${serviceText}: smallest r with expected shortage E[(X − r)⁺] ≤ (1 − ${fmt(p.level)}) × Q ${fmt(o.qService)} is ${fmt(o.kRaw + o.mu)}`
        : `${serviceText}: smallest r with P(X ≤ r) ≥ ${fmt(p.level)} is ${fmt(o.kRaw + o.mu)}`,
    );
    if (o.clamped) reasons.push(`r is below the mean; safetyStockFloor 'zero' raises the level to the mean ${fmt(o.mu)} (safety stock 0)`);
    reasons.push(`safety stock = ${fmt(top)} − ${fmt(o.mu)} = ${fmt(o.ss)}`);
  } else {
    reasons.push(`normal lead-time demand${p.dist === 2 ? ` (auto: mean demand over the protection interval ${fmt(o.mu)} ≥ ${AUTO_POISSON_BELOW})` : ''}; ${sigmaText}`);
    if (o.sigma === 0) {
      reasons.push(`no variability (σ = 0): safety stock 0${p.fill ? ', the fill-rate target is met without it' : ''}`);
    } else {
      reasons.push(
        p.fill
          ? `${serviceText}: G(k) = (1 − ${fmt(p.level)}) × Q ${fmt(o.qService)} / σ ${fmt(o.sigma)} = ${fmt(((1 - p.level) * o.qService) / o.sigma)} → k = ${fmt(o.kRaw)}`
          : `${serviceText}: z = Φ⁻¹(${fmt(p.level)}) = ${fmt(o.kRaw)}`,
      );
      if (o.clamped) reasons.push(`k = ${fmt(o.kRaw)} is negative; safetyStockFloor 'zero' clamps it to 0 (implied cycle service level 0.5)`);
      else if (o.kRaw < 0) reasons.push(`k = ${fmt(o.kRaw)} is negative and safetyStockFloor is 'none': the safety stock is negative`);
      reasons.push(`safety stock = ${fmt(o.k)} × ${fmt(o.sigma)} = ${fmt(o.ss)}`);
    }
  }
  const computedRop = periodic ? o.muL + o.ss : o.mu + o.ss;
  reasons.push(`reorder point = demand over the lead time ${fmt(o.muL)} + safety stock ${fmt(o.ss)} = ${fmt(computedRop)}`);
  if (periodic && !hasLevels) reasons.push(`order-up-to S = demand over R + L ${fmt(o.mu)} + safety stock ${fmt(o.ss)} = ${fmt(o.orderUpTo)}`);

  const oq = policy.orderQuantity;
  if (oq !== undefined) {
    let rule: string;
    if ('fixed' in oq) rule = `fixed ${fmt(oq.fixed)}`;
    else if ('eoq' in oq) {
      rule = `EOQ √(2 × K ${fmt(p.eoqCost)} × D ${fmt(p.daysPerYear * d)} / h ${fmt(p.eoqRate * unitCost)}) = ${fmt(o.qRaw)} (D = ${fmt(p.daysPerYear)} days × ${fmt(d)}/day, h = ${pct(p.eoqRate)} × unit cost ${item.unitCost!.toString()})`;
    } else rule = `${fmt(oq.daysOfCover)} days of cover × ${fmt(d)}/day = ${fmt(o.qRaw)}`;
    reasons.push(`order quantity: ${rule}; as a lot: ${explainLot(o.qRaw, moq, pack, maxQ, p.rounding, Number.POSITIVE_INFINITY, 0)}`);
  }
  if (hasLevels) {
    reasons.push(
      `manual levels replace the computed ones: reorder point (min) ${fmt(item.levels!.min)} instead of ${fmt(computedRop)}, order-up-to (max) ${fmt(item.levels!.max)}`,
    );
  } else if (!periodic) reasons.push(`order-up-to = reorder point ${fmt(o.rop)} + order quantity ${fmt(o.qLot)} = ${fmt(o.orderUpTo)}`);
  const maxRule: ReorderConventions['maxRule'] = hasLevels ? 'levels' : p.maxDays === p.maxDays ? 'maxDaysOfCover' : periodic ? 'order-up-to' : 'reorder point + order quantity';
  reasons.push(
    maxRule === 'levels'
      ? `max = the manual max ${fmt(o.max)}`
      : maxRule === 'maxDaysOfCover'
        ? `max = ${fmt(d)}/day × maxDaysOfCover ${fmt(p.maxDays)} = ${fmt(o.max)}`
        : maxRule === 'order-up-to'
          ? `max = the order-up-to level ${fmt(o.max)}`
          : `max = reorder point + order quantity = ${fmt(o.max)}`,
  );
  if (o.max < o.rop) reasons.push(`max ${fmt(o.max)} is below the reorder point ${fmt(o.rop)}: check maxDaysOfCover`);

  reasons.push(
    `inventory position = on hand ${fmt(item.stock.onHand)} + on order ${fmt(onOrderCounted)}${receiptNote} − backordered ${fmt(backordered)} − committed ${fmt(committed)} = ${fmt(position)}`,
  );
  const trig = p.lt ? '<' : '≤';
  const status = REORDER_STATUSES[o.status]!;
  switch (o.status) {
    case STATUS_STOCKOUT:
      reasons.push(`stockout: available on hand (on hand − committed − backordered) = ${fmt(available)} ≤ 0: expedite`);
      break;
    case STATUS_URGENT:
      reasons.push(`urgent: position ${fmt(position)} ≤ safety stock ${fmt(o.ss)}: expedite`);
      break;
    case STATUS_REORDER:
      reasons.push(`reorder: position ${fmt(position)} ${trig} reorder point ${fmt(o.rop)} (trigger '${p.lt ? 'lt' : 'lte'}'): replenish`);
      break;
    case STATUS_OVERSTOCK:
      reasons.push(`overstock: position ${fmt(position)} > max ${fmt(o.max)} by ${fmt(o.excess)}: promote or transfer`);
      break;
    default:
      reasons.push(`ok: position ${fmt(position)} is above the reorder point ${fmt(o.rop)} (trigger '${p.lt ? 'lt' : 'lte'}') and not above max ${fmt(o.max)}`);
  }
  if (o.ordered) {
    const from = hasLevels || periodic ? `order-up-to ${fmt(o.orderUpTo)} − position ${fmt(position)}` : o.qRaw > o.rop - position ? 'the order quantity' : `the reorder-point deficit ${fmt(o.rop)} − ${fmt(position)} (more than the order quantity)`;
    reasons.push(`suggested order from ${from}: ${explainLot(o.raw, moq, pack, maxQ, p.rounding, position, o.rop)}`);
    if (o.capped && position + o.suggested < o.rop) {
      reasons.push(`capped by maxOrderQty: the position after ordering, ${fmt(position + o.suggested)}, stays below the reorder point ${fmt(o.rop)}`);
    }
  } else if (o.status === STATUS_STOCKOUT) {
    reasons.push(`no new order: the position ${fmt(position)} is above the reorder point; expedite the ${fmt(onOrderCounted)} on order`);
  }

  const daysOfSupply = d > 0 ? available / d : null;
  reasons.push(daysOfSupply === null ? 'days of supply: none (zero demand)' : `days of supply = available ${fmt(available)} / ${fmt(d)} per day = ${fmt(daysOfSupply)}`);

  const [csl, fr] = impliedLevels(p, o, hasLevels);
  reasons.push(
    `implied cycle service level ${fmt(csl)}${Number.isNaN(fr) ? '' : `, implied fill rate ${fmt(fr)} (1 − expected shortage / Q ${fmt(o.qService)})`}`,
  );

  return {
    id: item.id ?? null,
    safetyStock: o.ss,
    reorderPoint: o.rop,
    orderUpTo: o.orderUpTo,
    min: o.rop,
    max: o.max,
    eoq: Number.isNaN(o.eoq) ? null : o.eoq,
    orderQuantity: Number.isNaN(o.qLot) ? null : o.qLot,
    inventoryPosition: position,
    suggestedOrder: o.suggested,
    orderValue: item.unitCost !== undefined ? item.unitCost.times(o.suggested) : null,
    daysOfSupply,
    status,
    action: ACTIONS[o.status]!,
    excess: o.excess,
    impliedCycleServiceLevel: csl,
    impliedFillRate: Number.isNaN(fr) ? null : fr,
    conventions: {
      review: periodic ? 'periodic' : 'continuous',
      distribution: o.poisson ? 'poisson' : 'normal',
      service: policy.service,
      levels: hasLevels ? 'manual' : 'computed',
      trigger: p.lt ? 'lt' : 'lte',
      rounding: p.rounding === 0 ? 'up' : p.rounding === 1 ? 'down' : 'nearest',
      safetyStockFloor: p.floorZero ? 'zero' : 'none',
      maxRule,
      stockBasis: 'inventory position (on hand + on order counted − backordered − committed)',
    },
    breakdown: {
      demand: dd,
      leadTimeDays: L,
      leadTimeSdDays: sdL,
      reviewPeriodDays: periodic ? p.review : null,
      protectionDays: P,
      seasonalLeadTimeWeight: wL,
      demandOverLeadTime: o.muL,
      demandOverProtection: o.mu,
      sdOverProtection: o.sigma,
      safetyFactor: Number.isNaN(o.k) ? null : o.k,
      unclampedSafetyFactor: Number.isNaN(o.kRaw) ? null : o.kRaw,
      serviceLotSize: Number.isNaN(o.qService) ? null : o.qService,
      orderQuantityRaw: Number.isNaN(o.qRaw) ? null : o.qRaw,
      onOrderCounted,
      onOrderNotCounted: onOrderLater,
      availableOnHand: available,
      suggestedOrderRaw: o.raw,
      capped: o.capped,
      raisedToReorderPoint: o.covered,
    },
    reasons,
  };
}

/**
 * Plans one SKU: safety stock, reorder point, order-up-to level, min/max, lot size, the order to
 * place now and a status with its action, every figure explained in `reasons`.
 *
 * SS = k·√(P·σ_d² + d²·σ_L²) over the protection interval P (the lead time L, or R + L under
 * periodic review; Silver, Pyke & Peterson ch. 6–7, Axsäter ch. 5), k = Φ⁻¹(cycle service) or
 * from G(k) = (1 − β)·Q/σ for a fill rate β; ROP = d·L + SS. Statuses are checked in the order
 * stockout (available on hand ≤ 0), urgent (position ≤ SS), reorder (position ≤ or < ROP by the
 * trigger), overstock (position > max), ok. See docs/inventory.md for every convention.
 *
 * @param item - One SKU: demand, lead time, stock, costs and ordering constraints.
 * @param policy - The shared rules (service target, review, distribution, lot size, rounding, trigger).
 * @example
 * ```ts
 * const plan = planReorder(
 *   { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } },
 *   { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } },
 * );
 * [plan.safetyStock.toFixed(4), plan.reorderPoint.toFixed(4), plan.status, plan.suggestedOrder];
 * //=> ['21.7594', '161.7594', 'reorder', 300]
 * ```
 */
export function planReorder(item: ReorderItem, policy: ReorderPolicy): ReorderPlan {
  try {
    const base = preparePolicy(policy, ['policy']);
    return planParsed(parseWith(parsedReorderItemSchema, item, ['item']), base, ['item']);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * Plans many SKUs under one policy, validated once; each item may override policy fields under
 * `item.policy`. Errors name the item: `items[3].leadTime.days`.
 *
 * @example
 * ```ts
 * planReorders(
 *   [
 *     { id: 'A', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } },
 *     { id: 'B', demand: { meanPerDay: 2, sdPerDay: 1 }, leadTime: { days: 7 }, stock: { onHand: 90, onOrder: 0 } },
 *   ],
 *   { service: { cycle: 0.95 }, orderQuantity: { daysOfCover: 14 } },
 * ).map((p) => p.status);
 * //=> ['reorder', 'overstock']
 * ```
 */
export function planReorders(items: readonly ReorderItem[], policy: ReorderPolicy): ReorderPlan[] {
  try {
    if (!Array.isArray(items)) invalid(['items'], 'must be an array of items');
    const base = preparePolicy(policy, ['policy']);
    const out = new Array<ReorderPlan>(items.length);
    for (let i = 0; i < items.length; i++) {
      out[i] = planParsed(parseWith(parsedReorderItemSchema, items[i], ['items', i]), base, ['items', i]);
    }
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}

