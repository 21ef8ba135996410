// POST /api/v1/orders/{id}/substitutions/{lineId} – the shopper accepts the substitute offered for a missing item, or drops the line
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { orderNotFound } from '@/lib/orders/errors';
import { substitutionBodySchema, substitutionParamsSchema } from '@/lib/pickup/schemas';
import { answerSubstitution } from '@/lib/pickup/substitution-answer';

const spec = { params: substitutionParamsSchema, invalidParams: orderNotFound, body: substitutionBodySchema, label: 'orders substitution' };

export const POST = route(spec, async ({ params, body }) => apiJson(await answerSubstitution(params.id, params.lineId, body.accept)));
