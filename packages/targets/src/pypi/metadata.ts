/**
 * Core metadata (PKG-INFO / METADATA, https://packaging.python.org/specifications/core-metadata/):
 * RFC 822 style headers, then an optional body that is the long description. And the form
 * fields PyPI's upload API takes for them, named and repeated as twine sends them.
 */

export interface CoreMetadata {
  /** Header values by lower-case name, in file order; multiple-use fields have several. */
  headers: Map<string, string[]>;
  /** The long description from the body (metadata 2.1+) or the Description header. */
  description?: string;
}

/** Header -> upload form field, for fields sent once. */
const SINGLE: Record<string, string> = {
  'metadata-version': 'metadata_version',
  name: 'name',
  version: 'version',
  summary: 'summary',
  'home-page': 'home_page',
  'download-url': 'download_url',
  author: 'author',
  'author-email': 'author_email',
  maintainer: 'maintainer',
  'maintainer-email': 'maintainer_email',
  license: 'license',
  'license-expression': 'license_expression',
  keywords: 'keywords',
  'requires-python': 'requires_python',
  'description-content-type': 'description_content_type',
};

/** Header -> upload form field, for multiple-use fields (one form field per value). */
const MULTIPLE: Record<string, string> = {
  classifier: 'classifiers',
  platform: 'platform',
  'supported-platform': 'supported_platform',
  'requires-dist': 'requires_dist',
  'requires-external': 'requires_external',
  'project-url': 'project_urls',
  'provides-extra': 'provides_extras',
  'provides-dist': 'provides_dist',
  'obsoletes-dist': 'obsoletes_dist',
  requires: 'requires',
  provides: 'provides',
  obsoletes: 'obsoletes',
  dynamic: 'dynamic',
};

/**
 * A folded Description keeps its line structure: setuptools indents continuation lines with
 * 8 spaces and a `|` (older) or 8 spaces, which are not part of the text.
 */
function unfoldDescription(lines: string[]): string {
  return [lines[0], ...lines.slice(1).map((line) => line.replace(/^ {8}\|?|^\t/, ''))].join('\n');
}

export function parseCoreMetadata(text: string): CoreMetadata {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headers = new Map<string, string[]>();
  const raw: { key: string; lines: string[] }[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') break;
    if (/^[ \t]/.test(line) && raw.length) {
      raw[raw.length - 1].lines.push(line);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // not a header; email parsers skip such lines too
    raw.push({
      key: line.slice(0, colon).trim().toLowerCase(),
      lines: [line.slice(colon + 1).replace(/^[ \t]+/, '')],
    });
  }
  let description: string | undefined;
  for (const { key, lines: parts } of raw) {
    const value = key === 'description' ? unfoldDescription(parts) : parts.map((p) => p.trim()).join(' ');
    if (key === 'description') description = value;
    else headers.set(key, [...(headers.get(key) ?? []), value]);
  }
  const body = lines.slice(i + 1).join('\n');
  if (body.trim()) description = body;
  return { headers, description };
}

export function header(metadata: CoreMetadata, name: string): string | undefined {
  return metadata.headers.get(name.toLowerCase())?.[0];
}

/** The metadata part of the upload form, as [field, value] pairs (repeated fields repeat). */
export function metadataFormFields(metadata: CoreMetadata): [string, string][] {
  const fields: [string, string][] = [];
  for (const [key, values] of metadata.headers) {
    if (SINGLE[key] && values[0] !== undefined && values[0] !== '') fields.push([SINGLE[key], values[0]]);
    else if (MULTIPLE[key]) for (const value of values) fields.push([MULTIPLE[key], value]);
  }
  if (metadata.description !== undefined) fields.push(['description', metadata.description]);
  return fields;
}
