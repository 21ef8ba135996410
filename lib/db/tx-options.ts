// Checkout transactions queue for a connection under a rush (and the embedded PGlite runs one transaction at a
// time), so they wait longer for one than Prisma's 2 s default rather than fail a shopper who would have got stock.
export const ORDER_TX = { maxWait: 30_000, timeout: 30_000 } as const;
