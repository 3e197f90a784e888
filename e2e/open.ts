/** Opening the page for a test: English, a speed, and the link's hash (prefs set only on the first load, so a reload keeps what the page stored). */
import type { Page } from '@playwright/test';

export async function open(page: Page, hash: string, speed = 'max'): Promise<void> {
  await page.addInitScript((pace) => {
    if (!localStorage.getItem('training-playground:prefs')) {
      localStorage.setItem('training-playground:prefs', JSON.stringify({ state: { language: 'en', speed: pace }, version: 1 }));
    }
  }, speed);
  await page.goto(`./#${hash}`);
}
