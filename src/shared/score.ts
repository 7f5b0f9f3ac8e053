// How a drill stands, as every screen and the debrief see it: the contract owns these
// shapes; src/drill fills them in.

/** The kinds of objective a drill file may set (docs/drill.schema.json). */
export type ObjectiveKind = 'onlineShareBy' | 'megaHoursAtMost' | 'userHoursLostAtMost' | 'recoveredBy' | 'costAtMost';

/**
 * 'unjudged': a budget over the whole drill (user-hours, spend, mega-hours) not yet broken when
 * the drill was ended early: what the rest of the drill would have cost is unknown, so it scores nothing.
 */
export type ObjectiveState = 'met' | 'missed' | 'pending' | 'unjudged';

/** How every screen and the report word a state, in short (a badge, the tail of a figure). */
export const OBJECTIVE_STATE_WORDS: Record<ObjectiveState, string> = { met: 'met', missed: 'missed', pending: 'undecided', unjudged: 'not judged' };

/** Why an objective is in its state, where the word alone does not say. */
export const OBJECTIVE_STATE_WHY: Partial<Record<ObjectiveState, string>> = { unjudged: 'the drill ended early, and this budget covers the whole drill' };

/** The word with its reason: "not judged: the drill ended early, …"; the score screen, the drill panel and the report say this. */
export const objectiveStateText = (s: ObjectiveState): string => (OBJECTIVE_STATE_WHY[s] ? `${OBJECTIVE_STATE_WORDS[s]}: ${OBJECTIVE_STATE_WHY[s]}` : OBJECTIVE_STATE_WORDS[s]);

/** The mark beside an objective on the drill panel and the score screen. */
export const OBJECTIVE_STATE_GLYPHS: Record<ObjectiveState, string> = { met: '●', missed: '◆', pending: '○', unjudged: '◌' };

export interface ObjectiveStatus {
  id: string;
  text: string;
  kind: ObjectiveKind;
  state: ObjectiveState;
  progress: number; // 0..1 toward being met; for "at most" kinds the share of the allowance used (1 = all of it)
  value: number; // the figure judged now (share, hours, USD; minutes for recoveredBy)
  target: number;
  decidedAtMinute: number | null;
}

export interface ScoreBreakdown {
  objectives: { id: string; text: string; state: ObjectiveState; weight: number; points: number; maxPoints: number }[];
  penalties: { id: 'userHoursLost' | 'megaCost'; text: string; points: number }[]; // points <= 0
  total: number; // objective points + penalties
  maxTotal: number;
}
