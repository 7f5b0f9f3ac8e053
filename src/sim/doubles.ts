// Arrays of numbers that V8 stores as unboxed doubles from the start. An array made by
// `new Array(n).fill(0)` starts as small integers and changes kind at its first fraction, so
// every new world (a second run, a debrief beside a live game) would hand the optimised tick
// code arrays of a kind it no longer expects and pay for recompiling it. Same values.
export function doubles(n: number, value = 0): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('Invalid array length'); // as new Array(n) would
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0.5); // a fraction first: the array is made of doubles
  return a.fill(value);
}
