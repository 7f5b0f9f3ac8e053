// Figures for the region or service the player clicked on the map.
import { REGIONS } from '../../sim/regions';
import type { SimView } from '../../sim/view-types';
import type { Pick } from '../world/world';
import { compact, grouped, percent } from './format';
import { serviceRows, type Row } from './service-rows';


const STRESS_WHY = 'Each supernode shuts itself down when its load passes its own limit. This is the region\'s load against the lowest limit among supernodes still serving: at 100% the weakest are about to go.';

/** Load against the weakest serving supernodes' shutdown limit, in words. */
function stressWords(x: number): string {
  if (!Number.isFinite(x) || x <= 0) return '—';
  return x >= 1.995 ? `${x.toFixed(0)}× their limit` : `${percent(x)} of their limit`;
}

/** The login throttle in force here: a region's own cap, the worldwide one, or both (the lower binds). */
function throttleWords(region: number | null, world: number | null | undefined): string {
  if (region === null && (world === null || world === undefined)) return 'off';
  if (region === null) return `${compact(world!)} / s worldwide`;
  if (world === null || world === undefined) return `${compact(region)} / s here`;
  return `${compact(region)} / s here, ${compact(world)} / s worldwide`;
}

export class InfoPanel {
  private readonly root = document.getElementById('info-panel')!;
  private readonly title = document.getElementById('info-title')!;
  private readonly figures = document.getElementById('info-figures')!;
  private readonly note = document.getElementById('info-note')!;
  pick: Pick = null;
  onClose: () => void = () => {};

  constructor() {
    document.getElementById('info-close')!.addEventListener('click', () => this.onClose());
  }

  /** `screenX`: where the picked place is, so the panel opens on the other side of the map. */
  show(pick: Pick, view: SimView | null, screenX?: number): void {
    this.pick = pick;
    this.root.hidden = !pick;
    this.root.classList.toggle('left', screenX !== undefined && screenX > window.innerWidth / 2);
    if (pick) this.root.dataset.pick = `${pick.kind}:${pick.id}`;
    if (view) this.update(view);
  }

  update(view: SimView): void {
    const pick = this.pick;
    if (!pick) return;
    let rows: Row[] = [];
    if (pick.kind === 'region') {
      const r = view.regions.find((x) => x.id === pick.id);
      if (!r) return;
      this.title.textContent = REGIONS.find((x) => x.id === pick.id)?.name ?? pick.id;
      const hottest = r.thresholds.length ? r.load / Math.min(...r.thresholds.filter((t, k) => r.serving[k] > 0).concat([Infinity])) : 0;
      rows = [
        ['Users online', grouped(r.online)],
        ['Normally online now', grouped(r.wantOnline)],
        ['Seeking a supernode', grouped(r.seeking), r.seeking > r.wantOnline * 0.1 ? 'warm' : undefined],
        ['Supernodes serving', grouped(r.supernodesUp)],
        ['Warming up', grouped(r.supernodesWarming)],
        ['Shut down / crashed', grouped(r.supernodesDown), r.supernodesDown > r.supernodesUp ? 'hot' : undefined],
        ['Load per supernode', r.load.toFixed(2) + '×', r.load > 1.5 ? 'hot' : r.load > 1 ? 'warm' : undefined],
        ['Weakest supernodes', stressWords(hottest), hottest > 0.9 ? 'hot' : undefined, STRESS_WHY],
        ['Mega-supernodes', `${grouped(r.megaUp)}${r.megaPending ? ` (+${grouped(r.megaPending)} pending)` : ''}`],
        ['Login attempts / s', compact(r.loginAttemptsPerS)],
        ['Login throttle', throttleWords(r.throttlePerS, view.metrics.throttleGlobalPerS), undefined, 'A worldwide cap is shared by every region; a region\'s own cap applies there too.'],
      ];
    } else {
      const s = view.services.find((x) => x.id === pick.id);
      if (!s) return;
      this.title.textContent = s.name;
      rows = serviceRows(s);
    }
    const frag = document.createDocumentFragment();
    for (const [label, value, tone, why] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = label;
      if (why) {
        dt.title = why;
        dt.classList.add('explained');
      }
      const dd = document.createElement('dd');
      dd.textContent = value;
      if (tone) dd.className = tone;
      frag.append(dt, dd);
    }
    this.figures.replaceChildren(frag);
    this.note.textContent = pick.kind === 'region' ? `“Weakest supernodes”: ${STRESS_WHY}` : '';
  }
}
