// examples/excel-addin/manifest.xml, validated offline as far as the tools allow:
//  - `office-addin-manifest validate` sends an XML manifest to Microsoft's validation service (no
//    network here), so the XML is checked by the rules of Microsoft's XSDs (test/sheets/office-manifest.ts);
//  - Microsoft's converter (office-addin-manifest-converter, which parses the XML with Office's own
//    manifest parser) must read it without an error or a warning, and the JSON manifest it writes
//    must pass office-addin-manifest's validateManifest, which checks a JSON manifest offline
//    against the schema bundled in @microsoft/app-manifest;
//  - office-addin-manifest's reader must read its id, version, names and icons.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { OfficeAddinManifest, validateManifest } from 'office-addin-manifest';
import { convert } from 'office-addin-manifest-converter';
import { SHEET_NAMESPACE } from 'dealerkit/sheets';
import { encodePng } from './png.js';
import { excelIcon } from '../tools/sheets-generate.js';
import { checkExcelManifest, type AddinFiles } from './office-manifest.js';

const FOLDER = 'examples/excel-addin';
const xml = readFileSync(join(FOLDER, 'manifest.xml'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'dealerkit-manifest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The add-in folder as the README serves it; functions.js is the bundle built from functions.ts. */
const served: AddinFiles = {
  read: (path) => {
    try {
      return readFileSync(join(FOLDER, path));
    } catch {
      return undefined;
    }
  },
  built: ['functions.js'],
};

let n = 0;
/** Runs Microsoft's converter on a manifest text; returns what it logged and the JSON manifest's path. */
async function convertWithMicrosoft(text: string): Promise<{ log: string[]; json: string }> {
  const dir = join(tmp, `m${n++}`);
  const file = join(tmp, `manifest-${n}.xml`);
  writeFileSync(file, text);
  const log: string[] = [];
  const out = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void log.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void log.push(a.join(' ')));
  try {
    await convert(file, dir, false, undefined, undefined, true);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { log, json: join(dir, 'manifest.json') };
}

describe('manifest.xml by the rules of Microsoft\'s manifest schemas (offline)', () => {
  it('passes every check: well-formed, elements in schema order, GUID, version, lengths, HTTPS, resources, icons', () => {
    const { problems, facts } = checkExcelManifest(xml, served);
    expect(problems).toEqual([]);
    expect(facts.namespace).toBe(SHEET_NAMESPACE);
    expect(facts.origin).toBe('https://localhost:3000');
    // What the README serves: the page, the bundle, the metadata and the icons.
    expect(facts.urls.map((u) => u.replace('https://localhost:3000/', '')).sort()).toEqual(
      expect.arrayContaining(['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png', 'functions.html', 'functions.js', 'functions.json']),
    );
  });

  it('the checks reject what Office rejects (so passing means something)', () => {
    const broken: [string, string, RegExp][] = [
      ['unclosed element', xml.replace('</Hosts>', ''), /^not well-formed XML/],
      ['elements out of order', xml.replace(/(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, '$3$2$1'), /OfficeApp: <Id> comes after <Version>/],
      ['no IconUrl', xml.replace(/<IconUrl [^>]*\/>/, ''), /<IconUrl> is missing/],
      ['plain HTTP', xml.replace('https://localhost:3000/functions.json', 'http://localhost:3000/functions.json'), /HTTPS only/],
      ['a version with letters', xml.replace('<Version>0.1.0.0</Version>', '<Version>0.1-beta</Version>'), /^Version: /],
      ['a dangling resid', xml.replace('resid="Functions.Namespace"', 'resid="Functions.Nmespace"'), /resid "Functions.Nmespace" names no resource/],
      ['a resource id over 32 characters', xml.replace(/"Functions\.Page\.Url"/g, '"Functions.Page.Url.With.A.Long.Tail"'), /must hold 1 to 32 characters/],
      ['an icon of the wrong size', xml.replace('assets/icon-64.png', 'assets/icon-32.png'), /HighResolutionIconUrl: assets\/icon-32.png is 32×32 px, the manifest asks 64×64/],
      ['no 80 px icon', xml.replace(/<bt:Image id="Icon.80x80"[^>]*\/>/, ''), /no Icon.80x80/],
      ['a file the add-in does not have', xml.replace('functions.html"', 'function.html"'), /the add-in has no file function.html/],
    ];
    for (const [what, text, problem] of broken) {
      const { problems } = checkExcelManifest(text, served);
      expect(problems.some((p) => problem.test(p)), `${what}: ${problems.join(' | ')}`).toBe(true);
    }
    // An icon file that is not the size its name says.
    const wrong: AddinFiles = { ...served, read: (p) => (p === 'assets/icon-80.png' ? encodePng(excelIcon(64)) : served.read(p)) };
    expect(checkExcelManifest(xml, wrong).problems).toEqual(['Resources/Images/Icon.80x80: assets/icon-80.png is 64×64 px, the manifest asks 80×80']);
  });
});

describe("manifest.xml through Microsoft's own tools (offline)", () => {
  it('office-addin-manifest reads its id, version, names, icons and source location', async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(FOLDER, 'manifest.xml'));
    expect(info).toMatchObject({
      id: '4fc022d9-5cfe-494e-84b9-6514295b275f',
      version: '0.1.0.0',
      providerName: 'dealerkit',
      displayName: 'dealerkit functions',
      iconUrl: 'https://localhost:3000/assets/icon-32.png',
      highResolutionIconUrl: 'https://localhost:3000/assets/icon-64.png',
      hosts: ['Workbook'],
      officeAppType: 'TaskPaneApp',
    });
  });

  it("Microsoft's converter reads it with Office's manifest parser, without an error or a warning", async () => {
    const { log } = await convertWithMicrosoft(xml);
    expect(log.filter((l) => /ERROR|WARNING/i.test(l))).toEqual([]);
    expect(log.some((l) => l.includes('Successfully wrote file'))).toBe(true);
  });

  it('the JSON manifest converted from it passes office-addin-manifest validate (schema bundled, no network)', async () => {
    const { json } = await convertWithMicrosoft(xml);
    const converted = JSON.parse(readFileSync(json, 'utf8')) as { id: string; icons: unknown; extensions: { requirements: unknown }[] };
    expect(converted.id).toBe('4fc022d9-5cfe-494e-84b9-6514295b275f');
    expect(converted.icons).toEqual({ outline: 'assets/icon-32.png', color: 'assets/icon-64.png' });
    expect(converted.extensions[0]!.requirements).toEqual({ capabilities: [{ name: 'CustomFunctionsRuntime', minVersion: '1.2' }], scopes: ['workbook'] });
    const result = await validateManifest(json);
    expect(result.isValid, JSON.stringify(result.report)).toBe(true);
  });

  it("Microsoft's tools reject a manifest without an Id, and one for the wrong host", async () => {
    await expect(convertWithMicrosoft(xml.replace(/<Id>[^<]*<\/Id>/, ''))).rejects.toThrow();
    const { json } = await convertWithMicrosoft(xml.replace('<Host Name="Workbook" />', '<Host Name="Spreadsheet" />'));
    expect((await validateManifest(json)).isValid).toBe(false);
  });
});
