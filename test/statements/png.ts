// Decodes the screenshots Chromium writes (8-bit RGB or RGBA, not interlaced), from the PNG
// specification (W3C PNG 3rd ed.): the IHDR, the IDAT stream inflated with node:zlib, every row
// unfiltered (None, Sub, Up, Average, Paeth). test/sheets/png.ts reads RGBA only; this reads both.
import { inflateSync } from 'node:zlib';

/** An image as RGBA bytes, row by row. */
export interface Image {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit RGB (colour type 2) or RGBA (6) PNG into RGBA. */
export function decodeScreenshot(png: Uint8Array): Image {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
      channels = colour === 2 ? 3 : 4;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown filter ${filter}`);
      rows[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba[p * 4] = rows[p * channels]!;
    rgba[p * 4 + 1] = rows[p * channels + 1]!;
    rgba[p * 4 + 2] = rows[p * channels + 2]!;
    rgba[p * 4 + 3] = channels === 4 ? rows[p * channels + 3]! : 255;
  }
  return { width, height, rgba };
}

/**
 * How far two screenshots differ: the share of pixels (over the larger image) whose colour differs
 * by more than `threshold` in some channel; rows one image has and the other lacks all differ.
 */
export function differingShare(a: Image, b: Image, threshold = 48): number {
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  const total = Math.max(a.width, b.width) * Math.max(a.height, b.height);
  let differ = total - w * h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      for (let k = 0; k < 3; k++) {
        if (Math.abs(a.rgba[i + k]! - b.rgba[j + k]!) > threshold) {
          differ++;
          break;
        }
      }
    }
  }
  return differ / total;
}
