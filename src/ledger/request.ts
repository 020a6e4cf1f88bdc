/**
 * The zod schemas of the ledger's requests from outside: an allocation request.
 *
 * @module
 */
import { z } from 'zod';
import { isIsoDate } from '../terms/date.js';
import { ALLOCATION_POLICIES, type AllocationPolicy } from './policy.js';

const id = z.string().min(1).max(200);
const amount = z
  .string()
  .regex(/^\d{1,30}(\.\d{1,18})?$/, { message: 'expected a decimal string such as "12.50"' })
  .refine((a) => /[1-9]/.test(a), { message: 'must be above zero' });

/** The JSON shape of an allocation request, as `applyPayment` reads it. */
export interface AllocationRequestShape {
  readonly id: string;
  readonly sourceId: string;
  readonly date: string;
  readonly items?: readonly { readonly itemId: string; readonly amount?: string }[];
  readonly policy?: AllocationPolicy;
  readonly amount?: string;
  readonly reference?: string;
}

/** Schema of an allocation request (amounts are checked against the source's currency). */
export const allocationRequestSchema: z.ZodType<AllocationRequestShape> = z.object({
  id,
  sourceId: id,
  date: z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' }),
  items: z.array(z.object({ itemId: id, amount: amount.optional() })).optional(),
  policy: z.enum(ALLOCATION_POLICIES as [AllocationPolicy, ...AllocationPolicy[]]).optional(),
  amount: amount.optional(),
  reference: z.string().optional(),
});
