// "Fire inject": the drill's scripted injects (by id, now), or any inject verb with its
// fields. Fields and units are the sim's own (README: Instructor injects), so a refusal's
// `field` points at the input it is about.
import type { Reply } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import type { InstructorView } from '../../shared/drill-contract';
import { INJECT_VERBS, SERVICES, type Command } from '../../sim/commands';
import { REGIONS } from '../../sim/regions';
import { SERVICE_NAMES } from '../../sim/names';
import { factsFor } from '../hud/scenario-facts';
import { busy, h, setText, showReply } from '../dom';
import type { ConsoleFrame } from './panel';

type Verb = (typeof INJECT_VERBS)[number];
interface Field { name: string; label: string; kind: 'number' | 'region' | 'service' | 'version'; value?: number; min?: number; max?: number; step?: number; optional?: boolean }

const VERBS: Record<Verb, { label: string; about: string; fields: Field[] }> = {
  crashWave: { label: 'Crash wave', about: 'Clients of one version crash at once (their supernodes go with them).', fields: [
    { name: 'version', label: 'Version', kind: 'version' },
    { name: 'fraction', label: 'Share 0–1', kind: 'number', value: 0.2, min: 0, max: 1, step: 0.05 },
    { name: 'region', label: 'Region', kind: 'region', optional: true }] },
  rebootStorm: { label: 'Reboot storm', about: 'PCs restart (Patch Tuesday, Aug 2007): their clients log in again together.', fields: [
    { name: 'fraction', label: 'Share 0–1', kind: 'number', value: 0.3, min: 0, max: 1, step: 0.05 },
    { name: 'overMinutes', label: 'Over min', kind: 'number', value: 60, min: 1, step: 10, optional: true },
    { name: 'region', label: 'Region', kind: 'region', optional: true }] },
  serviceOutage: { label: 'Service outage', about: 'A central service loses part of its capacity.', fields: [
    { name: 'service', label: 'Service', kind: 'service' },
    { name: 'fraction', label: 'Lost 0–1', kind: 'number', value: 0.5, min: 0, max: 1, step: 0.05 },
    { name: 'durationMin', label: 'For min', kind: 'number', value: 60, min: 1, step: 10, optional: true }] },
  loginFlood: { label: 'Login flood', about: 'Extra login attempts per second (a botnet, a bad client).', fields: [
    { name: 'perSecond', label: 'Logins / s', kind: 'number', value: 200000, min: 1, step: 10000 },
    { name: 'durationMin', label: 'For min', kind: 'number', value: 60, min: 1, step: 10 },
    { name: 'region', label: 'Region', kind: 'region', optional: true }] },
  supernodeCrash: { label: 'Supernode crash', about: 'A share of the serving supernodes crash now; their clients hand over to the rest (a calm network rides out about a third).', fields: [
    { name: 'fraction', label: 'Share 0–1', kind: 'number', value: 0.1, min: 0, max: 1, step: 0.05 },
    { name: 'region', label: 'Region', kind: 'region', optional: true }] },
};

const fieldId = (name: string) => `inject-${name}`;

export class InjectPanel {
  readonly root: HTMLElement;
  private readonly scripted = h('ul', { class: 'scripted-injects', id: 'scripted-injects' });
  private readonly verb = h('select', { id: 'inject-verb', 'aria-label': 'Inject' });
  private readonly fields = h('div', { class: 'inject-fields' });
  private readonly about = h('p', { class: 'hint', id: 'inject-about' });
  private readonly fire = h('button', { id: 'inject-fire', class: 'go' }, 'Fire now');
  private readonly error = h('p', { class: 'field-error', id: 'inject-error' });
  private readonly status = h('p', { class: 'cp-status', id: 'inject-status', role: 'status' });
  private scenarioId = '';
  private scriptedKey = '';

  constructor(private readonly requests: Bridge) {
    for (const v of INJECT_VERBS) this.verb.append(new Option(VERBS[v].label, v));
    this.root = h('section', { class: 'injects', 'aria-label': 'Injects' },
      h('div', { class: 'injects-head' }, h('h2', {}, 'Fire inject'), this.verb),
      this.scripted,
      h('form', { class: 'inject-form', id: 'inject-form', noValidate: true }, this.fields, this.fire),
      this.about, this.error, this.status);
    this.verb.addEventListener('change', () => this.renderFields());
    this.root.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      void busy(this.fire, () => this.fireVerb());
    });
    this.renderFields();
  }

  update(f: ConsoleFrame): void {
    if (f.status.scenarioId !== this.scenarioId) {
      this.scenarioId = f.status.scenarioId;
      this.renderFields(); // crash-wave versions differ by scenario
    }
    const drill = f.mode?.mode === 'drill' && f.mode.drill && !f.mode.drill.ended;
    this.renderScripted(drill ? f.mode?.instructor?.injects ?? [] : []);
  }

  private renderScripted(injects: InstructorView['injects']): void {
    const key = JSON.stringify(injects);
    if (key === this.scriptedKey) return;
    this.scriptedKey = key;
    this.scripted.hidden = injects.length === 0;
    this.scripted.replaceChildren(...injects.map((i) => {
      const b = h('button', { class: 'quiet small', id: `fire-inject-${i.id}`, disabled: i.fired, title: i.fired ? 'Already fired' : 'Fire this scripted inject now instead of at its time' }, i.fired ? 'Fired' : 'Fire');
      b.addEventListener('click', () => void busy(b, async () => this.done(await this.requests.instructor({ act: 'fireInject', injectId: i.id }), i.label)));
      return h('li', { 'data-fired': String(i.fired) }, h('span', {}, h('b', {}, i.id), ' ', i.label), b);
    }));
  }

  private renderFields(): void {
    const spec = VERBS[this.verb.value as Verb];
    setText(this.about, spec.about);
    this.fields.replaceChildren(...spec.fields.map((f) => h('label', {}, f.label, this.input(f), h('span', { class: 'field-error', id: `${fieldId(f.name)}-error` }))));
  }

  private input(f: Field): HTMLElement {
    const id = fieldId(f.name);
    if (f.kind === 'number') return h('input', { type: 'number', id, name: f.name, value: f.value, min: f.min, max: f.max, step: f.step, placeholder: f.optional ? 'optional' : undefined });
    const sel = h('select', { id, name: f.name });
    if (f.kind === 'region') {
      sel.append(new Option('All regions', ''));
      for (const r of REGIONS) sel.append(new Option(r.name, r.id));
    } else if (f.kind === 'service') for (const s of SERVICES) sel.append(new Option(SERVICE_NAMES[s], s));
    else for (const v of factsFor(this.scenarioId).versions) sel.append(new Option(v.name, v.id));
    return sel;
  }

  private build(): Command | string {
    const verb = this.verb.value as Verb;
    const out: Record<string, unknown> = { type: verb };
    for (const f of VERBS[verb].fields) {
      const el = document.getElementById(fieldId(f.name)) as HTMLInputElement | HTMLSelectElement;
      const raw = el.value.trim();
      if (raw === '') {
        if (f.optional) continue;
        return `${f.label} is needed.`;
      }
      out[f.name] = f.kind === 'number' ? Number(raw) : raw;
    }
    return out as unknown as Command;
  }

  private async fireVerb(): Promise<void> {
    this.clearErrors();
    const command = this.build();
    if (typeof command === 'string') return void (this.error.textContent = command);
    this.done(await this.requests.instructor({ act: 'inject', command }), VERBS[command.type as Verb].label);
  }

  /** Success in the status line; a refusal beside the field it names (act.command.<field>), else under the form. */
  private done(reply: Reply, what: string): void {
    this.clearErrors();
    setText(this.status, reply.ok ? `✓ fired: ${what}` : '');
    if (reply.ok) return;
    const field = reply.error.field.split('.').pop() ?? '';
    const target = document.getElementById(`${fieldId(field)}-error`);
    if (target && this.fields.contains(target)) {
      target.textContent = reply.error.message;
      document.getElementById(fieldId(field))?.classList.add('invalid');
    } else showReply(this.error, reply);
  }

  private clearErrors(): void {
    this.error.textContent = '';
    for (const e of this.fields.querySelectorAll<HTMLElement>('.field-error')) e.textContent = '';
    for (const e of this.fields.querySelectorAll<HTMLElement>('.invalid')) e.classList.remove('invalid');
  }
}
