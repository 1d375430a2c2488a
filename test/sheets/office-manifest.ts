// Offline checks of an Office add-in XML manifest (examples/excel-addin/manifest.xml), as far as
// they go without Microsoft's validation service (which `office-addin-manifest validate` calls for
// XML manifests) and without the XSD files (not shipped in any npm package). The rules are
// transcribed from Microsoft's schema reference: the element order of "How to find the proper
// order of manifest elements" (learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering)
// and the types of OfficeAppManifestV1_1.xsd, OfficeAppBasicTypesV1_0.xsd and
// TaskPaneAppVersionOverridesV1_0.xsd (UUID, Version and CultureName patterns, 125/250/2048
// character limits, resource ids of 1 to 32 characters, icon sizes 16, 32 and 80, the
// CustomFunctions extension point's Script, Page, Metadata, Namespace).
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { decodePng } from './png.js';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

// <xs:sequence> of OfficeApp, then of its TaskPaneApp extension (the extension's children follow the base's).
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
];
const OFFICE_APP_REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description'];
const VERSION_OVERRIDES_ORDER = ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'];
const RESOURCES_ORDER = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
const CUSTOM_FUNCTIONS_ORDER = ['Script', 'Page', 'Metadata', 'Namespace'];
const UUID = /^((urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const VERSION = /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/;
const CULTURE = /^([a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(-[a-zA-Z]{2,3}(_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;

/** What the manifest's icons and files are checked against: the add-in's files by their path under the origin. */
export interface AddinFiles {
  /** The contents of the file served at `path` (`assets/icon-32.png`), or undefined when there is none. */
  read(path: string): Uint8Array | undefined;
  /** Paths served that are built, not committed (functions.js). */
  built: readonly string[];
}

/** Facts read from a manifest that passed the checks. */
export interface ManifestFacts {
  namespace: string | undefined;
  origin: string | undefined;
  urls: string[];
}

function elements(node: Element): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c !== null; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

function nameOf(e: Element): string {
  return e.localName ?? '';
}

function child(node: Element, name: string): Element | undefined {
  return elements(node).find((e) => e.localName === name);
}

function xsiType(node: Element): string | null {
  return node.getAttributeNS(NS.xsi, 'type');
}

/** The children of `node` must come in `order` (each at most once unless repeatable), and nothing else. */
function checkOrder(node: Element, order: readonly string[], where: string, problems: string[], repeatable: readonly string[] = []): void {
  let last = -1;
  const seen = new Set<string>();
  for (const e of elements(node)) {
    const at = order.indexOf(nameOf(e));
    if (at < 0) problems.push(`${where}: <${nameOf(e)}> is not a child it may have`);
    else if (at < last) problems.push(`${where}: <${nameOf(e)}> comes after <${order[last]}>, but the schema puts it before`);
    else if (seen.has(nameOf(e)) && !repeatable.includes(nameOf(e))) problems.push(`${where}: <${nameOf(e)}> twice`);
    seen.add(nameOf(e));
    last = Math.max(last, at);
  }
}

function checkLength(value: string | null, min: number, max: number, where: string, problems: string[]): void {
  if (value === null || value.length < min || value.length > max) problems.push(`${where}: must hold ${min} to ${max} characters, has ${value === null ? 'none' : value.length}`);
}

function checkUrl(value: string | null, where: string, problems: string[], urls: string[]): void {
  if (value === null) return void problems.push(`${where}: no DefaultValue`);
  checkLength(value, 1, 2048, where, problems);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return void problems.push(`${where}: not an absolute URL: ${value}`);
  }
  if (url.protocol !== 'https:') problems.push(`${where}: Office loads add-in files over HTTPS only, not ${url.protocol} (${value})`);
  urls.push(value);
}

/** The pixel size an icon must have: from the element (IconUrl 32, HighResolutionIconUrl 64) or the image id (Icon.16x16). */
function checkIcon(url: string, size: number, where: string, files: AddinFiles, origin: string | undefined, problems: string[]): void {
  const path = origin !== undefined && url.startsWith(`${origin}/`) ? url.slice(origin.length + 1) : undefined;
  const bytes = path === undefined ? undefined : files.read(path);
  if (bytes === undefined) return void problems.push(`${where}: ${url} is not a file of the add-in`);
  try {
    const png = decodePng(bytes);
    if (png.width !== size || png.height !== size) problems.push(`${where}: ${path} is ${png.width}×${png.height} px, the manifest asks ${size}×${size}`);
  } catch (e) {
    problems.push(`${where}: ${path} is not a readable PNG (${(e as Error).message})`);
  }
}

/**
 * Checks an Excel custom-functions add-in manifest offline; returns the problems found (none when
 * it passes) and what it read.
 */
export function checkExcelManifest(xml: string, files: AddinFiles): { problems: string[]; facts: ManifestFacts } {
  const problems: string[] = [];
  const urls: string[] = [];
  const facts: ManifestFacts = { namespace: undefined, origin: undefined, urls };
  const parseErrors: string[] = [];
  let doc: Document | undefined;
  try {
    // xmldom 0.9 stops at the first fatal error (a mismatched or unclosed tag, two roots); its warnings
    // and errors (an unquoted attribute, an unknown entity) are malformations too.
    doc = new DOMParser({ onError: (level, message) => void parseErrors.push(`${level}: ${message.split('\n')[0]}`) }).parseFromString(xml, 'text/xml');
  } catch {
    // Reported through onError.
  }
  if (doc === undefined || parseErrors.length > 0) return { problems: parseErrors.map((m) => `not well-formed XML: ${m}`), facts };
  const root = doc.documentElement;
  if (root === null || root.localName !== 'OfficeApp' || root.namespaceURI !== NS.app) {
    return { problems: [`the root must be <OfficeApp> in ${NS.app}`], facts };
  }
  if (xsiType(root) !== 'TaskPaneApp') problems.push('OfficeApp: xsi:type must be TaskPaneApp (custom functions are a task pane add-in)');
  checkOrder(root, OFFICE_APP_ORDER, 'OfficeApp', problems);
  for (const name of OFFICE_APP_REQUIRED) if (child(root, name) === undefined) problems.push(`OfficeApp: <${name}> is required`);
  for (const e of elements(root)) if (e.localName !== 'VersionOverrides' && e.namespaceURI !== NS.app) problems.push(`OfficeApp: <${nameOf(e)}> must be in ${NS.app}`);

  const text = (name: string) => child(root, name)?.textContent?.trim() ?? null;
  const value = (name: string) => child(root, name)?.getAttribute('DefaultValue') ?? null;
  if (!UUID.test(text('Id') ?? '')) problems.push(`Id: not a GUID: ${text('Id')}`);
  if (!VERSION.test(text('Version') ?? '')) problems.push(`Version: must be 1 to 4 dot-separated numbers of up to 5 digits, is ${text('Version')}`);
  if (!CULTURE.test(text('DefaultLocale') ?? '')) problems.push(`DefaultLocale: not a culture name: ${text('DefaultLocale')}`);
  checkLength(text('ProviderName'), 1, 125, 'ProviderName', problems);
  checkLength(value('DisplayName'), 1, 125, 'DisplayName', problems);
  checkLength(value('Description'), 1, 250, 'Description', problems);
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    if (child(root, name) === undefined) problems.push(`OfficeApp: <${name}> is missing (Excel shows the icons in the add-ins dialog)`);
    else checkUrl(value(name), name, problems, urls);
  }
  const hosts = child(root, 'Hosts');
  if (hosts === undefined || !elements(hosts).some((h) => h.getAttribute('Name') === 'Workbook')) problems.push('Hosts: must name Workbook (Excel)');
  const sets = child(root, 'Requirements') && child(child(root, 'Requirements')!, 'Sets');
  const runtime = sets === undefined ? undefined : elements(sets).find((s) => s.getAttribute('Name') === 'CustomFunctionsRuntime');
  if (runtime === undefined || Number(runtime.getAttribute('MinVersion')) < 1.2) {
    problems.push('Requirements: must ask CustomFunctionsRuntime 1.2 or later (CustomFunctions.Error with a message)');
  }
  const settings = child(root, 'DefaultSettings');
  const source = settings && child(settings, 'SourceLocation');
  if (source === undefined) problems.push('DefaultSettings: <SourceLocation> is required');
  else checkUrl(source.getAttribute('DefaultValue'), 'DefaultSettings/SourceLocation', problems, urls);

  const overrides = child(root, 'VersionOverrides');
  const resources = new Map<string, { kind: string; value: string | null }>();
  const refs: { resid: string | null; kind: string; where: string }[] = [];
  if (overrides === undefined) problems.push('OfficeApp: <VersionOverrides> is required (it declares the custom functions)');
  else {
    if (overrides.namespaceURI !== NS.overrides || xsiType(overrides) !== 'VersionOverridesV1_0') {
      problems.push(`VersionOverrides: must be xsi:type VersionOverridesV1_0 in ${NS.overrides}`);
    }
    checkOrder(overrides, VERSION_OVERRIDES_ORDER, 'VersionOverrides', problems);
    const host = child(overrides, 'Hosts') && elements(child(overrides, 'Hosts')!).find((h) => xsiType(h) === 'Workbook');
    const point = host && child(host, 'AllFormFactors') && elements(child(host, 'AllFormFactors')!).find((e) => e.localName === 'ExtensionPoint');
    if (point === undefined || xsiType(point) !== 'CustomFunctions') problems.push('VersionOverrides: a Workbook host with an AllFormFactors ExtensionPoint of xsi:type CustomFunctions is required');
    else {
      checkOrder(point, CUSTOM_FUNCTIONS_ORDER, 'ExtensionPoint', problems);
      for (const name of ['Script', 'Page', 'Metadata']) {
        const e = child(point, name);
        const location = e && child(e, 'SourceLocation');
        if (location === undefined) problems.push(`ExtensionPoint/${name}: <SourceLocation resid=...> is required`);
        else refs.push({ resid: location.getAttribute('resid'), kind: 'Urls', where: `ExtensionPoint/${name}` });
      }
      const ns = child(point, 'Namespace');
      if (ns === undefined) problems.push('ExtensionPoint: <Namespace resid=...> is required (the functions are called under it)');
      else refs.push({ resid: ns.getAttribute('resid'), kind: 'ShortStrings', where: 'ExtensionPoint/Namespace' });
    }
    const res = child(overrides, 'Resources');
    if (res === undefined) problems.push('VersionOverrides: <Resources> is required');
    else {
      checkOrder(res, RESOURCES_ORDER, 'Resources', problems);
      for (const group of elements(res)) {
        for (const r of elements(group)) {
          const id = r.getAttribute('id') ?? '';
          const v = r.getAttribute('DefaultValue');
          if (id.length < 1 || id.length > 32) problems.push(`Resources/${nameOf(group)}: id "${id}" must hold 1 to 32 characters`);
          if (resources.has(id)) problems.push(`Resources: id "${id}" twice`);
          resources.set(id, { kind: nameOf(group), value: v });
          if (nameOf(group) === 'Images' || nameOf(group) === 'Urls') checkUrl(v, `Resources/${nameOf(group)}/${id}`, problems, urls);
          else checkLength(v, 1, nameOf(group) === 'ShortStrings' ? 125 : 250, `Resources/${nameOf(group)}/${id}`, problems);
        }
      }
    }
  }
  for (const { resid, kind, where } of refs) {
    const r = resid === null ? undefined : resources.get(resid);
    if (r === undefined) problems.push(`${where}: resid "${resid}" names no resource`);
    else if (r.kind !== kind) problems.push(`${where}: resid "${resid}" is in ${r.kind}, not ${kind}`);
  }
  const namespaceRef = refs.find((r) => r.where === 'ExtensionPoint/Namespace');
  facts.namespace = namespaceRef?.resid ? (resources.get(namespaceRef.resid)?.value ?? undefined) : undefined;

  // One origin serves every file; the icons are PNGs of the sizes the manifest gives them.
  const origins = new Set(urls.filter((u) => u !== value('SupportUrl')).map((u) => new URL(u).origin));
  if (origins.size !== 1) problems.push(`the add-in's files must come from one origin, found ${[...origins].join(', ') || 'none'}`);
  facts.origin = [...origins][0];
  if (value('IconUrl') !== null) checkIcon(value('IconUrl')!, 32, 'IconUrl', files, facts.origin, problems);
  if (value('HighResolutionIconUrl') !== null) checkIcon(value('HighResolutionIconUrl')!, 64, 'HighResolutionIconUrl', files, facts.origin, problems);
  const images = [...resources].filter(([, r]) => r.kind === 'Images');
  for (const size of [16, 32, 80]) if (!images.some(([id]) => id === `Icon.${size}x${size}`)) problems.push(`Resources/Images: no Icon.${size}x${size} (16, 32 and 80 px are the sizes Office asks)`);
  for (const [id, r] of images) {
    const m = /^Icon\.(\d+)x\1$/.exec(id);
    if (m === null) problems.push(`Resources/Images: "${id}" does not say its size (Icon.<n>x<n>)`);
    else if (r.value !== null) checkIcon(r.value, Number(m[1]), `Resources/Images/${id}`, files, facts.origin, problems);
  }
  for (const u of urls) {
    if (facts.origin === undefined || !u.startsWith(`${facts.origin}/`) || u === value('SupportUrl')) continue;
    const path = u.slice(facts.origin.length + 1);
    if (!files.built.includes(path) && files.read(path) === undefined) problems.push(`${u}: the add-in has no file ${path}`);
  }
  return { problems, facts };
}
