// The free-play debrief on the end screen, as the host sends it to a trainee's screen: the
// player's curve against no action and Skype's response, the player's orders, the figures that
// decided it and the moves that would have helped. Built by src/debrief (endDebriefOf).

export type EndRunKind = 'run' | 'baseline' | 'historical';

export interface EndRun {
  kind: EndRunKind;
  label: string;
  points: [minute: number, onlineShare: number][]; // every ~10 sim-minutes
  userHoursLost: number;
  lowestShare: number; // the lowest share of a normal day's users online
  costUsd: number; // megas, Group Video downtime, held offline messages
  recoveredAtMinute: number | null;
  collapsed: boolean;
}

export interface EndDebrief {
  scenarioId: string;
  endMinute: number;
  runs: EndRun[]; // this run first, then no action, then Skype's response where the record has one
  orders: { minute: number; text: string; refused?: true }[]; // the player's, refused ones included
  moves: { what: string; userHoursSaved: number; costUsd: number }[]; // best first; empty if none helped
}
