import 'server-only';
import { render } from '@react-email/render';
import { createElement, type FunctionComponent } from 'react';

// One e-mail template to the HTML document that is sent. Callers keep writing their plain-text part themselves: it
// reads better than one converted from the HTML (no button labels, links where a reader expects them).
export async function renderEmailHtml<P extends object>(Template: FunctionComponent<P>, props: P): Promise<string> {
  return render(createElement(Template, props));
}
