import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

type Fixtures = {
  // Runs axe-core on the current page and returns the serious and critical violations.
  axe: (page?: Page) => Promise<{ id: string; impact: string; help: string; nodes: string[] }[]>;
};

export const test = base.extend<Fixtures>({
  axe: async ({ page }, use) => {
    await use(async (target = page) => {
      const results = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
  },
});

export { expect };

export const demo = {
  shopper: { email: 'shopper@example.com', password: 'shopper-demo-1' },
  admin: { email: 'admin@example.com', password: 'admin-demo-1' },
};
