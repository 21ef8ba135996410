// pngjs ships no types; the QR scanning test only reads a PNG's pixels.
declare module 'pngjs' {
  export const PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
