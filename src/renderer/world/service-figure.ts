// What a service's place on the map says and how its ring looks, worked out without Pixi so
// the redraw check can be tested: the place redraws whenever any of it changes.
import type { ServiceView } from '../../sim/view-types';
import { utilisationText } from '../hud/service-rows';

/** The ring draws at most three laps; past that the figure alone tells how far over it is. */
export const RING_LAPS = 3;

export interface PlaceLook {
  ring: number; // utilisation as drawn, 0..RING_LAPS
  over: boolean; // demand past capacity: the halo pulses
  figure: string;
  tone: number;
  key: string; // changes whenever anything drawn changes
}

export function placeLook(s: ServiceView): PlaceLook {
  const ring = Math.max(0, Math.min(RING_LAPS, s.utilisation));
  const over = s.enabled && s.utilisation > 1;
  const lost = s.degradedPct > 0 ? ` · ${Math.round(s.degradedPct)}% lost` : '';
  // The true figure, as the HUD's logins (ok / trying) and the info panel give it, up to '>999%'.
  const pct = utilisationText(s.utilisation);
  const figure = s.enabled ? pct + lost : 'switched off';
  const tone = !s.enabled ? 0x5d6b80 : s.utilisation > 1 ? 0xff8fe4 : s.utilisation > 0.8 ? 0xffc04d : 0x7f98b6;
  const key = `${Math.round(ring * 100)}|${s.enabled}|${Math.round(s.degradedPct)}|${figure}`;
  return { ring, over, figure, tone, key };
}
