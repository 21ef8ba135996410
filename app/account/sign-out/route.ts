// POST /account/sign-out – end the session and load the home page afresh (a guest again, with an empty bag)
import { NextResponse } from 'next/server';
import { signOut } from '@/lib/auth/config';
import { refuseCrossSite } from '@/lib/api/origin';

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  await signOut({ redirect: false });
  // 303 turns the form POST into a GET of "/", a full page load that resets every client store. Relative: the URL
  // Next gives a request names the address it listens on (say localhost:3000), not the one the shopper used, and
  // the page's form-action CSP refuses a redirect to another origin.
  return new NextResponse(null, { status: 303, headers: { location: '/' } });
}
