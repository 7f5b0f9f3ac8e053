// How a drill stands, as every screen and the debrief see it: the contract owns these
// shapes; src/drill fills them in.

/** The kinds of objective a drill file may set (docs/drill.schema.json). */
export type ObjectiveKind = 'onlineShareBy' | 'megaHoursAtMost' | 'userHoursLostAtMost' | 'recoveredBy' | 'costAtMost';

export type ObjectiveState = 'met' | 'missed' | 'pending';

export interface ObjectiveStatus {
  id: string;
  text: string;
  kind: ObjectiveKind;
  state: ObjectiveState;
  progress: number; // 0..1 toward being met (for "at most" kinds: share of the drill survived within budget)
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
