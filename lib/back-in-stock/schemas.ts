import { z } from 'zod';
import { rowId, text } from '@/lib/validation/text';

// "E-mail me when it's back" on a sold-out product page: the address and the variant, as the form sends them.
export const backInStockSchema = z.object({
  email: text().toLowerCase().pipe(z.email('Enter a valid e-mail address.').max(254)),
  variantId: rowId('Choose a size and colour first.'),
});

export type BackInStockInput = z.infer<typeof backInStockSchema>;
