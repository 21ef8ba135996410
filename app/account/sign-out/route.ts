// POST /account/sign-out – end the session and load the home page afresh (a guest again, with an empty bag)
import { NextResponse } from 'next/server';
import { signOut } from '@/lib/auth/config';
import { refuseCrossSite } from '@/lib/api/origin';

export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  await signOut({ redirect: false });
  // 303 turns the form POST into a GET of "/", a full page load that resets every client store.
  return NextResponse.redirect(new URL('/', request.url), 303);
}
