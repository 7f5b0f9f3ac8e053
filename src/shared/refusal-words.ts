// A refusal in words a trainee understands: the host's message names command fields
// ("count", "perSecond") and codes ("not-allowed-now"); the player sees the form's labels.
// The same sentence goes beside the field, on the status line and into the pager; a refused
// order reads the same on the end screen and in the exported report (refusedOrderWords).
import type { CommandError } from '../sim/commands';
import { grouped as groupedNumber, HOTFIX_NAMES, megaSourceName, upperFirst } from '../sim/names';

/** Command field -> the label the form shows for it. */
const FIELD_LABEL = new Map<string, string>([
  ['count', 'Count'],
  ['region', 'Region'],
  ['source', 'Source'],
  ['perSecond', 'Logins per second'],
  ['fix', 'Fix'],
  ['rolloutPctPerHour', 'Rollout % per hour'],
  ['enabled', 'This switch'],
  ['capacityPct', 'Capacity %'],
]);

/** A source or hotfix as the sim's message names it: its display name now, its code name in older records. */
const named = (x: string) => (Object.hasOwn(HOTFIX_NAMES, x) ? `the ${HOTFIX_NAMES[x as keyof typeof HOTFIX_NAMES]}` : megaSourceName(x));

const MAX_MESSAGE = 300;

const grouped = (s: string) => s.replace(/\d{4,}/g, (d) => groupedNumber(Number(d)));

/** The form field a refusal names: the wire's door says "command.count", the sim says "count". */
export function leafField(field: string): string {
  return String(field ?? '').split('.').pop() ?? '';
}

/** The refusal as one plain sentence; never a code. */
export function plainRefusal(error: Pick<CommandError, 'field' | 'message'> & { code?: string }): string {
  const label = FIELD_LABEL.get(leafField(error.field)) ?? 'This order';
  const msg = String(error.message ?? '').slice(0, MAX_MESSAGE);
  let m = /must be between (\S+) and (\S+), got (\S+)/.exec(msg);
  if (m) return `${label} must be between ${grouped(m[1])} and ${grouped(m[2])} (you entered ${grouped(m[3])}).`;
  if (/must be a whole number/.test(msg)) return `${label} must be a whole number.`;
  if (/must be a finite number|is required/.test(msg)) return `${label} needs a number.`;
  m = /only (-?[\d,]+) (.+?) servers are left/.exec(msg);
  if (m) return Number(m[1].replace(/,/g, '')) <= 0 ? `No ${named(m[2])} servers are left: try another source.` : `Only ${grouped(m[1])} ${named(m[2])} servers are left: order ${grouped(m[1])} or fewer.`;
  m = /^(.+?) has already been pushed/.exec(msg);
  if (m) return `${upperFirst(named(m[1]))} is already on its way: it cannot be pushed twice.`;
  m = /^no client version in this scenario needs (.+)/.exec(msg);
  if (m) return `No client in this scenario needs ${named(m[1])}.`;
  m = /^no mega-supernodes(?: from (.+?))? to withdraw/.exec(msg);
  if (m) return `There are no ${m[1] ? `${named(m[1])} ` : ''}mega-supernodes in this region to withdraw.`;
  // aug-2007's servers are Skype's own fleet, not the 2010 feature (src/sim/names.ts groupVideoBusyWords).
  if (/^Skype's own work still runs on those servers/.test(msg)) return "Skype's own work still runs on those servers: take them off it first (the Group Video switch).";
  if (/still runs on those servers/.test(msg)) return 'Group Video still runs on those servers: switch Group Video off first.';
  m = /^(\d+) Group Video servers are still mega-supernodes/.exec(msg);
  if (m) return `${grouped(m[1])} Group Video servers still host mega-supernodes: withdraw them first.`;
  // Cancelling an order on its way (src/sim/cancel.ts says what can be called back).
  if (/already landed: it is in force now/.test(msg)) return 'That order has already landed and is in force: send a new order to change it.';
  m = /^(?:hotfix )?(.+?) is already rolling out/.exec(msg);
  if (m) return `${upperFirst(named(m[1]))} is already rolling out: clients have installed it, and an installed update cannot be recalled.`;
  m = /^(?:no hotfix (\w+) is in build|(.+?) is not in build)/.exec(msg);
  if (m) return `${upperFirst(named(m[1] ?? m[2]))} is not in build and test: there is nothing to cancel.`;
  if (/^no such order is on its way/.test(msg)) return 'That order is no longer on its way: it has landed or was cancelled already.';
  if (/went off the moment it was ordered/.test(msg)) return 'Group Video went off the moment you ordered it: switch it back on instead.';
  if (/is not available in this drill/.test(msg)) return 'Your instructor has not made this action available in this drill.';
  if (/^the drill starts at minute/.test(msg)) return `Orders open when the drill starts (${msg.replace(/^the drill starts at /, '')}).`;
  // Anything else the host says is already a sentence for people; tidy its quotes and case.
  return upperFirst(grouped(msg.replace(/"(\w+)"/g, (_, f: string) => FIELD_LABEL.get(f) ?? f))).replace(/([^.!?])$/, '$1.');
}

/** A player's verb when the order was too malformed to describe (the record keeps only its type). */
const VERB_WORDS = new Map<string, string>([
  ['deployMegaSupernodes', 'Deploy mega-supernodes'],
  ['withdrawMegaSupernodes', 'Withdraw mega-supernodes'],
  ['throttleLogins', 'Throttle logins'],
  ['pushHotfix', 'Push a hotfix'],
  ['setOfflineImService', 'Switch the offline-IM service'],
  ['setGroupVideo', 'Switch Group Video'],
  ['cancelOrder', 'Cancel an order'],
]);

const CANCEL_PREFIX = 'Cancel before it lands: ';

/**
 * A refused order as the record keeps it ("<order>: <the sim's reason>") in the words the order
 * form said at the time: the order, then the plain refusal. The sim's reason names its field
 * first, in quotes ('"count" must be between …').
 */
export function plainRefusedOrder(text: string): { what: string; why: string } {
  const whole = String(text ?? '').slice(0, MAX_MESSAGE * 2);
  // A refused cancel is recorded as "Cancel before it lands: <the order>: <reason>" (src/replay/describe.ts).
  const cancel = whole.startsWith(CANCEL_PREFIX);
  const s = cancel ? whole.slice(CANCEL_PREFIX.length) : whole;
  const at = s.indexOf(': ');
  if (at < 0) return { what: 'An order', why: plainRefusal({ field: '', message: s }) };
  const head = s.slice(0, at);
  const reason = s.slice(at + 2);
  const field = /^"(\w+)"/.exec(reason)?.[1] ?? '';
  const what = VERB_WORDS.get(head) ?? head;
  return { what: cancel ? `Cancel “${what}” before it lands` : what, why: plainRefusal({ field, message: reason }) };
}

/** A refused order in one line, the end screen's and the report's alike: "Refused: Deploy 5,000 … in Europe. Only 1,500 …". */
export function refusedOrderWords(text: string): string {
  const r = plainRefusedOrder(text);
  return `Refused: ${r.what}. ${r.why}`;
}
