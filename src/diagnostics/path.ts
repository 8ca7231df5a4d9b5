// Data paths, the one text form users and reports see for a place in a contract or an avenant:
// `engagements[1].indicateurs[0].cibles.N+2`. Every stage formats and parses them here, so a
// path written by validation is found again by the campaign locator and the avenant tracer.
// Keys that the plain form cannot carry (empty, or holding `.`, `[`, `]`, `"`) are written
// `["…"]` (JSON string), so that parsing a formatted path always gives back its segments.

export type PathSegment = string | number;

const PLAIN_KEY = /^[^.[\]"]+$/;

export function formatDataPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const seg of path) s = appendDataPath(s, seg);
  return s;
}

/** `base` followed by one more segment: `a.b`, `a[2]`, `cibles.N+1`, `a["x.y"]`. */
export function appendDataPath(base: string, seg: PropertyKey): string {
  if (typeof seg === 'number') return `${base}[${seg}]`;
  const key = String(seg);
  if (!PLAIN_KEY.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** Segments of a data path; the inverse of `formatDataPath`. */
export function parseDataPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  const re = /([^.[\]"]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
  }
  return out;
}
