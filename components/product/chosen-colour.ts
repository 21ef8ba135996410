'use client';

import { create } from 'zustand';

// The colour chosen on a product page (from the URL or a tap), set by the variant picker and followed by the
// gallery. Changed only in effects, never while rendering on the server, so one module-level store is safe.
export const useChosenColour = create<{ productId: string | null; color: string | null }>(() => ({ productId: null, color: null }));
