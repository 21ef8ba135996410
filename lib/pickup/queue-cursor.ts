// A cursor names the last order of the previous page by its sort time and id (ids break ties), so a page starts
// right after it however the orders before it have moved since.
export function encodeCursor(at: Date, id: string): string {
  return `${at.getTime()}.${id}`;
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const dot = cursor.indexOf('.');
  return { at: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1) };
}
