// Any other /api/v1 path – a JSON 404 in the API's error shape, whatever the method (not Next's HTML page)
import { route } from '@/lib/api/route';
import { AppError } from '@/lib/errors';

const handler = route({ crossSite: 'allow', label: 'api' }, ({ request }) => {
  throw new AppError(404, 'not_found', `There is no ${request.method} ${new URL(request.url).pathname} in this API.`);
});

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
