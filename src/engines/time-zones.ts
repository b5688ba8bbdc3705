import Fuse from 'fuse.js';
import { foldText } from '../text.ts';

/**
 * What admins type for a time zone besides its IANA name: common abbreviations (which
 * name a region, so the zone follows its daylight-saving rules) and cities that are not
 * themselves in a zone's name. Keys are folded (lowercase, no punctuation).
 */
const ALIASES_BY_ZONE: ReadonlyArray<readonly [zone: string, typed: readonly string[]]> = [
  ['America/New_York', ['est', 'edt', 'et', 'eastern', 'eastern time', 'washington', 'washington dc', 'boston', 'philadelphia', 'atlanta', 'miami']],
  ['America/Chicago', ['cst', 'cdt', 'ct', 'central', 'central time', 'dallas', 'houston', 'austin', 'minneapolis', 'new orleans']],
  ['America/Denver', ['mst', 'mdt', 'mt', 'mountain', 'mountain time', 'salt lake city']],
  ['America/Los_Angeles', ['pst', 'pdt', 'pt', 'pacific', 'pacific time', 'san francisco', 'seattle', 'san diego', 'las vegas']],
  ['America/Anchorage', ['akst', 'akdt']],
  ['Pacific/Honolulu', ['hst']],
  ['America/Halifax', ['ast', 'adt', 'atlantic']],
  ['America/St_Johns', ['nst', 'ndt']],
  ['America/Toronto', ['montreal', 'ottawa']],
  ['America/Sao_Paulo', ['brt']],
  ['UTC', ['gmt', 'utc', 'z', 'zulu']],
  ['Europe/London', ['bst', 'uk', 'edinburgh', 'manchester', 'birmingham', 'glasgow', 'cardiff', 'belfast', 'liverpool', 'leeds']],
  ['Asia/Kolkata', ['ist', 'india', 'delhi', 'new delhi', 'mumbai', 'bangalore', 'bengaluru', 'chennai', 'hyderabad']],
  ['Europe/Berlin', ['cet', 'cest', 'munich', 'frankfurt', 'hamburg']],
  ['Europe/Athens', ['eet', 'eest']],
  ['Europe/Lisbon', ['wet', 'west']],
  ['Europe/Madrid', ['barcelona']],
  ['Europe/Rome', ['milan']],
  ['Europe/Zurich', ['geneva']],
  ['Asia/Karachi', ['pkt']],
  ['Asia/Singapore', ['sgt']],
  ['Asia/Hong_Kong', ['hkt']],
  ['Asia/Shanghai', ['beijing']],
  ['Asia/Tokyo', ['jst']],
  ['Asia/Seoul', ['kst']],
  ['Australia/Sydney', ['aest', 'aedt', 'canberra']],
  ['Australia/Adelaide', ['acst', 'acdt']],
  ['Australia/Perth', ['awst']],
  ['Pacific/Auckland', ['nzst', 'nzdt', 'wellington']],
  ['Africa/Johannesburg', ['sast', 'cape town']],
  ['Africa/Lagos', ['wat']],
  ['Africa/Nairobi', ['eat']],
];

/** Typed forms written in capitals when suggested ("EST"); the rest are places ("New York"). */
const ABBREVIATIONS = new Set(ALIASES_BY_ZONE.flatMap(([, typed]) => typed.filter((key) => key.length <= 4 && !key.includes(' '))));

/** Offered when nothing has been typed yet. */
const POPULAR = [
  'Europe/London',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Pacific/Auckland',
  'UTC',
];

interface ZoneIndex {
  /** Lowercased IANA name → IANA name. */
  readonly names: Map<string, string>;
  /** Folded city ("new york", "sao paulo") → IANA name, from the zones' own names, then ALIASES. */
  readonly places: Map<string, string>;
  readonly fuse: Fuse<{ key: string; zone: string }>;
}

let index: ZoneIndex | undefined;

function usable(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function zones(): ZoneIndex {
  if (index === undefined) {
    const all = [...Intl.supportedValuesOf('timeZone'), 'UTC'].filter(usable);
    const places = new Map<string, string>();
    for (const zone of all) {
      const city = foldText(zone.split('/').at(-1) ?? '');
      if (city !== '' && !places.has(city)) places.set(city, zone);
    }
    for (const [zone, typed] of ALIASES_BY_ZONE) for (const key of typed) places.set(key, zone);
    index = {
      names: new Map(all.map((zone) => [zone.toLowerCase(), zone])),
      places,
      fuse: new Fuse([...all.map((zone) => ({ key: zone, zone })), ...[...places].map(([key, zone]) => ({ key, zone }))], {
        keys: ['key'],
        threshold: 0.4,
        ignoreLocation: true,
      }),
    };
  }
  return index;
}

/** The IANA zone for what an admin typed (a zone name, an abbreviation, a city), or the closest zones to suggest. */
export function resolveTimezone(input: string): { zone: string } | { suggestions: string[] } {
  const typed = input.trim().slice(0, 64);
  const { names, places, fuse } = zones();
  const known = names.get(typed.replace(/\s+/g, '_').toLowerCase()) ?? places.get(foldText(typed));
  if (known !== undefined) return { zone: known };
  const suggestions = typed === '' ? [] : [...new Set(fuse.search(typed, { limit: 10 }).map((r) => r.item.zone))].slice(0, 3);
  return { suggestions };
}

/** "UTC+1", "UTC−5", "UTC+5:30", "UTC+0": a zone's offset at an instant. */
export function utcOffset(zone: string, at: number): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (match === null) return 'UTC+0';
  const [, sign, hours, minutes] = match;
  return `UTC${sign === '-' ? '−' : '+'}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}

/** Autocomplete: abbreviations and cities, then zone names, that start with (or contain) what was typed, then fuzzy matches. */
export function suggestTimezones(typed: string, at: number, limit = 25): Array<{ label: string; zone: string }> {
  const { names, places, fuse } = zones();
  const query = foldText(typed).slice(0, 64);
  const label = (place: string | null, zone: string) =>
    `${place === null ? zone : `${ABBREVIATIONS.has(place) ? place.toUpperCase() : titleCase(place)}: ${zone}`} (${utcOffset(zone, at)})`;
  if (query === '') return POPULAR.slice(0, limit).map((zone) => ({ label: label(null, zone), zone }));
  const byPlace = [...places].filter(([key]) => key.startsWith(query)).sort(([a], [b]) => a.length - b.length);
  const byName = [...names.values()].filter((zone) =>
    foldText(zone)
      .split(' ')
      .some((_, i, words) => words.slice(i).join(' ').startsWith(query)),
  );
  const fuzzy = fuse.search(query, { limit }).map((r) => r.item);
  const out: Array<{ label: string; zone: string }> = [];
  const listed = new Set<string>();
  const add = (place: string | null, zone: string) => {
    if (place === null && listed.has(zone)) return;
    listed.add(zone);
    out.push({ label: label(place, zone), zone });
  };
  for (const [place, zone] of byPlace) add(place, zone);
  for (const zone of byName) add(null, zone);
  for (const { key, zone } of fuzzy) if (!listed.has(zone)) add(key === zone ? null : key, zone);
  return out.slice(0, limit);
}

function titleCase(text: string): string {
  return text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}
