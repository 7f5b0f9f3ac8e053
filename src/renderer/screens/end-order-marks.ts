// The player's orders as marks under the end screen's chart, no DOM: accepted ones on the "you"
// row, refused ones on a row of their own, so one refused at the minute of an accepted order
// cannot hide it. Each mark's words are the ones the orders list and the report give.
import type { EndDebrief } from '../../shared/end-debrief';
import { tPlus } from '../../shared/duration';
import { refusedOrderWords } from '../../shared/refusal-words';

export type OrderRow = 'you' | 'refused';

export interface OrderMark {
  minute: number;
  row: OrderRow;
  title: string; // "T+00:15 Refused: Deploy 5,000 …"
}

/** An order as the player reads it; a refused one with the words its form gave, never the sim's code. */
export function orderWords(o: EndDebrief['orders'][number]): string {
  return o.refused ? refusedOrderWords(o.text) : o.text;
}

export function orderMarks(orders: EndDebrief['orders']): OrderMark[] {
  return orders.map((o) => ({ minute: o.minute, row: o.refused ? 'refused' : 'you', title: `${tPlus(o.minute)} ${orderWords(o)}` }));
}
