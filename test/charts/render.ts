// Renders a chart specification the way a notebook does, headless: Vega-Lite compiles it to Vega
// (every warning of the compiler recorded), Vega runs the dataflow and draws the scene, and the
// scene graph is read back, so a test can check the marks and the data, not only that it renders.
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';

/** One drawn mark: its type, the name Vega-Lite gave it (`<layer name>_marks`) and its items. */
export interface DrawnMark {
  type: string;
  name: string | undefined;
  role: string | undefined;
  items: DrawnItem[];
}

/** One drawn item of a mark, with the datum it was drawn from. */
export interface DrawnItem {
  x?: number;
  y?: number;
  x2?: number;
  y2?: number;
  width?: number;
  height?: number;
  fill?: string;
  stroke?: string;
  text?: string;
  datum?: Record<string, unknown>;
}

/** A rendered chart: the SVG, its marks and its datasets as Vega holds them. */
export interface Rendered {
  svg: string;
  warnings: string[];
  marks: DrawnMark[];
  /** The marks Vega-Lite named after a layer (`name` → `${name}_marks`), merged when a mark is split (lines by detail). */
  mark(name: string): DrawnItem[];
  data: Record<string, Record<string, unknown>[]>;
}

function collect(node: { marktype?: string; name?: string; role?: string; items?: unknown[] }, out: DrawnMark[]): void {
  if (node.marktype !== undefined) {
    const items = (node.items ?? []) as (DrawnItem & { items?: unknown[] })[];
    out.push({ type: node.marktype, name: node.name, role: node.role, items: node.marktype === 'group' ? [] : items.map((i) => ({ ...i })) });
  }
  for (const child of (node.items ?? []) as (typeof node)[]) collect(child, out);
}

/** Compiles and renders a specification to SVG, headless. */
export async function render(spec: unknown): Promise<Rendered> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => (warnings.push(args.map(String).join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
  };
  const vg = compile(spec as TopLevelSpec, { logger: logger as never }).spec;
  const view = new View(parse(vg), { renderer: 'none' });
  view.logger(logger as never);
  await view.runAsync();
  const svg = await view.toSVG();
  const marks: DrawnMark[] = [];
  collect((view.scenegraph() as unknown as { root: never }).root, marks);
  const data: Record<string, Record<string, unknown>[]> = {};
  for (const name of Object.keys((spec as { datasets?: object }).datasets ?? {})) {
    // Vega-Lite leaves out a dataset no layer draws (a dealer position that was not given).
    if (!(vg.data ?? []).some((d) => d.name === name)) continue;
    data[name] = (view.data(name) as Record<string, unknown>[]).map((row) => Object.fromEntries(Object.entries(row)));
  }
  view.finalize();
  return {
    svg,
    warnings,
    marks,
    mark: (name) => marks.filter((m) => m.name === `${name}_marks` && m.role === 'mark').flatMap((m) => m.items),
    data,
  };
}
