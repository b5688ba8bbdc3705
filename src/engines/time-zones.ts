import Fuse from 'fuse.js';
import { foldText } from './text.ts';

/**
 * What admins type for a time zone besides its IANA name: common abbreviations (which
 * name a region, so the zone follows its daylight-saving rules) and cities that are not
 * themselves in a zone's name. Keys are folded (lowercase, no punctuation).
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ...(['est', 'edt', 'et', 'eastern', 'eastern time', 'washington', 'washington dc', 'boston', 'philadelphia', 'atlanta', 'miami'] as const).map((k) => [k, 'America/New_York'] as const),
  ...(['cst', 'cdt', 'ct', 'central', 'central time', 'dallas', 'houston', 'austin', 'minneapolis', 'new orleans'] as const).map((k) => [k, 'America/Chicago'] as const),
  ...(['mst', 'mdt', 'mt', 'mountain', 'mountain time', 'salt lake city'] as const).map((k) => [k, 'America/Denver'] as const),
  ...(['pst', 'pdt', 'pt', 'pacific', 'pacific time', 'san francisco', 'seattle', 'san diego', 'las vegas'] as const).map((k) => [k, 'America/Los_Angeles'] as const),
  ...(['akst', 'akdt'] as const).map((k) => [k, 'America/Anchorage'] as const),
  ...(['hst'] as const).map((k) => [k, 'Pacific/Honolulu'] as const),
  ...(['ast', 'adt', 'atlantic'] as const).map((k) => [k, 'America/Halifax'] as const),
  ...(['nst', 'ndt'] as const).map((k) => [k, 'America/St_Johns'] as const),
  ...(['montreal', 'ottawa'] as const).map((k) => [k, 'America/Toronto'] as const),
  ...(['brt'] as const).map((k) => [k, 'America/Sao_Paulo'] as const),
  ...(['gmt', 'utc', 'z', 'zulu'] as const).map((k) => [k, 'UTC'] as const),
  ...(['bst', 'uk', 'edinburgh', 'manchester', 'birmingham', 'glasgow', 'cardiff', 'belfast', 'liverpool', 'leeds'] as const).map((k) => [k, 'Europe/London'] as const),
  ...(['ist', 'india', 'delhi', 'new delhi', 'mumbai', 'bangalore', 'bengaluru', 'chennai', 'hyderabad'] as const).map((k) => [k, 'Asia/Kolkata'] as const),
  ...(['cet', 'cest', 'munich', 'frankfurt', 'hamburg'] as const).map((k) => [k, 'Europe/Berlin'] as const),
  ...(['eet', 'eest'] as const).map((k) => [k, 'Europe/Athens'] as const),
  ...(['wet', 'west'] as const).map((k) => [k, 'Europe/Lisbon'] as const),
  ...(['barcelona'] as const).map((k) => [k, 'Europe/Madrid'] as const),
  ...(['milan'] as const).map((k) => [k, 'Europe/Rome'] as const),
  ...(['geneva'] as const).map((k) => [k, 'Europe/Zurich'] as const),
  ...(['pkt'] as const).map((k) => [k, 'Asia/Karachi'] as const),
  ...(['sgt'] as const).map((k) => [k, 'Asia/Singapore'] as const),
  ...(['hkt'] as const).map((k) => [k, 'Asia/Hong_Kong'] as const),
  ...(['beijing'] as const).map((k) => [k, 'Asia/Shanghai'] as const),
  ...(['jst'] as const).map((k) => [k, 'Asia/Tokyo'] as const),
  ...(['kst'] as const).map((k) => [k, 'Asia/Seoul'] as const),
  ...(['aest', 'aedt', 'canberra'] as const).map((k) => [k, 'Australia/Sydney'] as const),
  ...(['acst', 'acdt'] as const).map((k) => [k, 'Australia/Adelaide'] as const),
  ...(['awst'] as const).map((k) => [k, 'Australia/Perth'] as const),
  ...(['nzst', 'nzdt', 'wellington'] as const).map((k) => [k, 'Pacific/Auckland'] as const),
  ...(['sast', 'cape town'] as const).map((k) => [k, 'Africa/Johannesburg'] as const),
  ...(['wat'] as const).map((k) => [k, 'Africa/Lagos'] as const),
  ...(['eat'] as const).map((k) => [k, 'Africa/Nairobi'] as const),
]);

/** Offered when nothing has been typed yet. */
const POPULAR = ['Europe/London', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Auckland', 'UTC'];

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
    for (const [key, zone] of ALIASES) places.set(key, zone);
    index = {
      names: new Map(all.map((zone) => [zone.toLowerCase(), zone])),
      places,
      fuse: new Fuse([...all.map((zone) => ({ key: zone, zone })), ...[...places].map(([key, zone]) => ({ key, zone }))], { keys: ['key'], threshold: 0.4, ignoreLocation: true }),
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
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (match === null) return 'UTC+0';
  const [, sign, hours, minutes] = match;
  return `UTC${sign === '-' ? '−' : '+'}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}

/** Autocomplete: abbreviations and cities, then zone names, that start with (or contain) what was typed, then fuzzy matches. */
export function suggestTimezones(typed: string, at: number, limit = 25): Array<{ label: string; zone: string }> {
  const { names, places, fuse } = zones();
  const query = foldText(typed).slice(0, 64);
  const label = (place: string | null, zone: string) => `${place === null ? zone : `${place.length <= 5 ? place.toUpperCase() : titleCase(place)}: ${zone}`} (${utcOffset(zone, at)})`;
  if (query === '') return POPULAR.slice(0, limit).map((zone) => ({ label: label(null, zone), zone }));
  const byPlace = [...places].filter(([key]) => key.startsWith(query)).sort(([a], [b]) => a.length - b.length);
  const byName = [...names.values()].filter((zone) => foldText(zone).split(' ').some((_, i, words) => words.slice(i).join(' ').startsWith(query)));
  const fuzzy = fuse.search(query, { limit }).map((r) => r.item);
  const out = new Map<string, { label: string; zone: string }>();
  for (const [place, zone] of byPlace) out.set(`${place}|${zone}`, { label: label(place, zone), zone });
  for (const zone of byName) if (![...out.values()].some((s) => s.zone === zone)) out.set(zone, { label: label(null, zone), zone });
  for (const { key, zone } of fuzzy) if (![...out.values()].some((s) => s.zone === zone)) out.set(key, { label: label(key === zone ? null : key, zone), zone });
  return [...out.values()].slice(0, limit);
}

function titleCase(text: string): string {
  return text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}
