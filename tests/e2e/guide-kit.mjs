// The first-time admin's walk, shared by the guide's e2e files: read the popup's guide, do the
// page steps it names, follow its links, press its button, and use the admin's own knowledge
// only where the guide has nothing but words. `browser()` returns the launched harness.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { strayText } from '../firefox/stray-text.mjs';

// Chrome shows a popup at most 800 x 600 px; IMS Link's is 380 px wide (popup.css, body).
export const POPUP_SIZE = { width: 380, height: 600 };

/** The key store password the admin chose for AEM's authentication-service (their own knowledge). */
export const ADMIN_KEYSTORE_PASSWORD = 'admin-own-keystore-pw';

/** What AEM's Check Health says when it answers, passed or failed. */
export const AEM_HEALTH_ANSWER = /Token retrieved successfully!|Error:/;

/**
 * Selects the item titled `title` in an AEM console as the admin does: a list's row by its
 * select box, a card view's card by a click on it (Coral's masonry selects on click), a column
 * view's item by its check box, unless it is selected already.
 */
export async function selectItem(page, title) {
  const row = page.getByRole('row', { name: title });
  if (await row.count()) return row.getByRole('checkbox').check();
  const named = { has: page.getByText(title, { exact: true }) };
  const column = page.locator('coral-columnview-item').filter(named);
  const card = page.locator('coral-masonry-item').filter(named).or(column).first();
  // Selected already (the admin runs Check Health again): a second click would unselect it.
  if (await card.getAttribute('selected') !== null) return;
  // A column view's item is selected by its check box (a click elsewhere opens it).
  if (await column.count()) return column.locator('[coral-columnview-itemselect]').click();
  await card.click();
}

export function guideKit(browser) {
  const SHOTS = process.env.IMS_LINK_SCREENSHOTS ? new URL('../../docs/screenshots/', import.meta.url).pathname : null;

  /** With IMS_LINK_SCREENSHOTS set (./build.sh screenshots), the guide at each stage's first step, for the README. */
  async function shoot(popup, shot) {
    if (!shot) return;
    const stage = await popup.evaluate(() => document.querySelector('#guide').dataset.next);
    if (shot.taken.has(stage)) return;
    shot.taken.add(stage);
    mkdirSync(SHOTS, { recursive: true });
    // The popup as Chrome shows it, light and dark: its real size, never a full-page capture.
    const name = `${SHOTS}guide-${shot.taken.size}-${stage}`;
    await popup.screenshot({ path: `${name}.png` });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: `${name}-dark.png` });
    await popup.emulateMedia({ colorScheme: 'light' });
  }

  /** The guide as the popup shows it: stage statuses, the next step's text, steps, button and link. */
  async function readGuide(popup) {
    return popup.evaluate(() => {
      const q = (s) => document.querySelector(s);
      return {
        version: q('#guide').dataset.version,
        next: q('#guide').dataset.next,
        // The stage the next step advances says where it stands in the next-step box.
        stages: [...document.querySelectorAll('#guide-stages li')].map((li) => ({ id: li.dataset.stage, status: li.className.split(' ')[1],
          text: li.textContent + (li.getAttribute('aria-current') === 'step' ? ` ${q('#next-why').textContent} ${q('#next-more-text').textContent}` : '') })),
        text: q('#next-text').textContent,
        steps: q('#next-steps').hidden ? [] : [...document.querySelectorAll('#next-steps li')].map((li) => li.textContent),
        button: q('#next-action button')?.textContent ?? null,
        // The AEM author's address asked for (in the next-step box), or the origin to allow.
        author: q('#aem-author')?.hidden === false,
        // Its button: in the side panel "Allow on this AEM site", which also asks the browser.
        authorButton: q('#aem-author')?.hidden === false ? q('#aem-author-save').textContent : null,
        allow: q('#next-action #allow-aem-site')?.dataset.origin || null,
        // The author's page the panel opens itself once the browser allowed it.
        opens: q('#next-action #allow-aem-site')?.dataset.opens || null,
        link: q('#next-link a')?.textContent ?? null,
        // IMS Link reads AEM's answer on this page by itself (the side panel).
        watching: q('#guide').dataset.watch === 'true',
        // IMS Link does the page steps itself (AEM's own check, in the side panel).
        runs: q('#guide').dataset.runs === 'true',
        // What IMS Link took by itself from this page.
        taken: q('#taken')?.hidden === false ? q('#taken-text').textContent : null,
      };
    });
  }

  /** Waits until the guide has re-rendered after `version` and no button is busy. */
  async function settled(popup, version) {
    await popup.waitForFunction((v) => document.querySelector('#guide').dataset.version !== v && !document.querySelector('[aria-busy]'), version, { timeout: 30_000 });
    await popup.waitForTimeout(300); // a late ProfileChanged re-render
  }

  /** Waits until the panel shows another next step than `g`'s, read by IMS Link without a click. */
  async function nextStep(panel, g) {
    await panel.waitForFunction((text) => document.querySelector('#next-text').textContent !== text && !document.querySelector('[aria-busy]'), g.text, { timeout: 90_000 });
    await panel.waitForTimeout(300); // a late ProfileChanged re-render
  }

  /** The file names the admin uploaded to the Console, in order. */
  const uploads = [];

  /**
   * The admin's clicks in a walk, by kind: opening IMS Link (the toolbar button, or the side
   * panel once), IMS Link's own buttons, the browser's site access prompt, the page steps the
   * guide names (a click or a value typed), the guide's links, and the steps of the admin's own
   * knowledge; `keys` counts the Tab presses a keyboard-only walk needed to reach an action.
   */
  function counter(mode, keyboard) {
    return { mode, keyboard, opens: 0, buttons: 0, prompts: 0, pageSteps: 0, links: 0, own: 0, keys: 0, openKeys: 0, startMs: Date.now(), ms: 0, total: 0 };
  }

  function done(clicks) {
    clicks.ms = Date.now() - clicks.startMs;
    clicks.total = clicks.opens + clicks.buttons + clicks.prompts + clicks.pageSteps + clicks.links + clicks.own;
    return clicks;
  }

  /** One line for the note: the total and each kind, and the time. */
  function clickLine(name, c) {
    return `${name}: ${c.total} clicks — ${c.opens} ${c.mode === 'panel' ? 'to open the side panel' : 'toolbar opens'}, ${c.buttons} IMS Link buttons, `
      + `${c.prompts} browser prompts, ${c.pageSteps} page steps, ${c.links} links, ${c.own} own-knowledge steps`
      + `${c.keyboard ? ` (keyboard only: ${c.openKeys} Tab presses to reach "Open in side panel", ${c.keys} after)` : ''}; ${(c.ms / 1000).toFixed(0)} s`;
  }

  /**
   * One page step as the popup words it. `own` collects the steps that needed the admin's own
   * knowledge (a password IMS Link never has).
   */
  async function doStep(tab, popup, text, own = [], clicks = counter('popup', false)) {
    const page = tab.page;
    let m = text.match(/click “(.+?)”(?: under (.+?))?\.$/);
    if (m) {
      const [, name, within] = m;
      // "under X": the region named X, the message box X the page shows, or the table row of
      // configuration X (Check Health).
      const scope = within ? page.getByRole('region', { name: within }).or(page.getByRole('dialog', { name: within })).or(page.getByRole('row', { name: within })) : page;
      const target = scope.getByRole('button', { name, exact: true })
        .or(scope.getByRole('link', { name, exact: true }))
        .or(scope.getByRole('tab', { name, exact: true }))
        .or(scope.getByRole('switch', { name, exact: true }))
        .or(scope.getByRole('checkbox', { name, exact: true })).first();
      clicks.pageSteps++;
      if (name === 'Upload public key') {
        // "Upload <file> (from this popup)": the popup's download (IMS Link's certificate_pub.crt,
        // or AEM's certificate under the name AEM gave it), then the Console's file picker.
        clicks.buttons += 2;
        await popup.getByText('Key pair and certificate').click(); // the section opens on demand
        const offered = popup.getByRole('button', { name: /^Download (certificate_pub\.crt|AEM.*\.(crt|cer|pem))$/ }).first();
        const [download] = await Promise.all([popup.waitForEvent('download'), offered.click()]);
        uploads.push(download.suggestedFilename());
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), target.click()]);
        await chooser.setFiles(await download.path());
        await page.getByText('Fingerprint').first().waitFor();
        await page.waitForTimeout(800); // the page's capture is debounced: the list reaches IMS Link
        return;
      }
      await target.click();
      // AEM's Check Health answers in a dialog that opens with an animation: the admin reads it
      // before going on.
      if (name === 'Check') await page.getByText(AEM_HEALTH_ANSWER).first().waitFor({ timeout: 15_000 }).catch(() => {});
      await page.waitForLoadState();
      await page.waitForTimeout(500); // the page's capture is debounced
      await page.waitForLoadState(); // a reload the click's answer started
      return;
    }
    m = text.match(/^On the page, select “(.+)” in the list\.$/);
    if (m) {
      // AEM's console: the item's card or row; AEM's toolbar then offers its actions.
      clicks.pageSteps++;
      await selectItem(page, m[1]);
      return;
    }
    m = text.match(/^Type (.+) in “(.+?)” \(IMS Link never keeps it\)\.$/);
    if (m) {
      // Only the admin knows it: the key store password they chose.
      own.push(`type ${m[1]} in ${m[2]}`);
      clicks.own++;
      await page.getByLabel(m[2], { exact: true }).fill(ADMIN_KEYSTORE_PASSWORD);
      return;
    }
    m = text.match(/^Type (.+) as the (.+?)\. Copy$/);
    assert.ok(m, `a step the robot cannot read: ${text}`);
    clicks.pageSteps++;
    await page.getByLabel(m[2], { exact: true }).fill(m[1]);
  }

  /**
   * Follows the guide until every stage is done. `knows` is what the admin knows without IMS
   * Link: which Console project and credential, which AEM author, which site.
   * `mode: 'panel'` walks in the side panel, opened once and following the admin's tabs;
   * `keyboard` does IMS Link's actions from the keyboard alone (the panel only).
   */
  async function walk(knows, shot = null, { until = null, tamper = null, mode = 'popup', keyboard = false, keep = false } = {}) {
    await browser().worker().evaluate(() => chrome.storage.session.clear());
    const trail = [];
    try {
      return await follow(knows, trail, shot, { until, tamper, mode, keyboard, keep });
    } catch (err) {
      throw new Error(`${err.message.split('\n')[0]}\nThe guide said, step by step:\n${trail.join('\n')}`, { cause: err });
    }
  }

  /** axe-core on the popup the first time each stage is the next one, in the light and the dark theme: violations by stage. */
  async function audit(popup, axe, mode = 'popup') {
    const stage = await popup.evaluate(() => document.querySelector('#guide').dataset.next);
    if (axe.has(stage)) return;
    const found = [];
    for (const colorScheme of ['light', 'dark']) {
      await popup.emulateMedia({ colorScheme });
      // In the side panel, axe's default run opens a blank tab for a moment, which the panel
      // would follow; its legacy mode runs in the page alone.
      const { violations } = await new AxeBuilder({ page: popup }).setLegacyMode(mode === 'panel').analyze();
      found.push(...violations.map((v) => `${colorScheme}: ${v.id} (${v.nodes.length})`));
    }
    await popup.emulateMedia({ colorScheme: 'light' });
    axe.set(stage, found);
  }

  /**
   * What the admin sees on opening: the popup's height at its real width (all of it, as
   * opened, sections closed), whether it needs no scrolling, and where the focus is.
   */
  async function measure(popup, heights, g, mode = 'popup') {
    // The side panel stays open: a fill's result stays below the guide (as tall as the
    // browser's window allows), so there the guide itself, down to its next step, must fit.
    const seen = await popup.evaluate((panel) => ({
      height: Math.ceil((panel ? document.querySelector('#guide') : document.body).getBoundingClientRect()[panel ? 'bottom' : 'height'] + (panel ? scrollY : 0)),
      focus: document.activeElement?.closest('.next') ? 'next' : document.activeElement?.tagName.toLowerCase(),
      text: document.body.innerText,
    }), mode === 'panel');
    heights.push({ stage: g.next, height: seen.height, focus: seen.focus });
    assert.deepEqual(strayText(seen.text), [], `stray text in the popup: ${seen.text}`);
    assert.ok(seen.height <= POPUP_SIZE.height, `the popup is ${seen.height} px tall at "${g.text}"`);
    assert.equal(seen.focus, 'next', `on opening, the focus is on the next action, not on ${seen.focus}`);
  }

  /**
   * The toolbar popup, opened anew on the tab for each step (the admin clicks IMS Link's
   * button; the browser grants activeTab), or the side panel, opened once and following the
   * tabs of the admin's window.
   */
  async function surface(mode, first, clicks, keyboard) {
    if (mode === 'popup') {
      return {
        async show(tab) {
          await tab.page.bringToFront();
          if (tab.page.url().startsWith('http')) await browser().clickAction(tab.page);
          clicks.opens++;
          const popup = await browser().openPopup(tab.tabId, { expand: false });
          await popup.setViewportSize(POPUP_SIZE);
          await popup.locator('#guide[data-version]').waitFor({ state: 'attached' });
          // Where the step ends with AEM's answer, the popup reads it as it opens.
          await popup.waitForFunction(() => !document.querySelector('[aria-busy]'), null, { timeout: 30_000 });
          await popup.waitForTimeout(300);
          return popup;
        },
        async after(popup) {
          await popup.close();
        },
        async done(popup) {
          await popup.close();
        },
      };
    }
    // The admin opens the toolbar popup once and chooses "Open in side panel".
    await browser().answerSitePrompt(); // chrome://extensions, kept in the background
    await first.page.bringToFront();
    const windowId = await browser().windowOf(first.tabId);
    const popup = await browser().openPopup(first.tabId, { expand: false });
    clicks.opens += 2;
    const open = popup.getByRole('button', { name: 'Open in side panel' });
    await open.waitFor();
    if (keyboard) {
      // From the focused next action back to the header's button.
      const before = clicks.keys;
      await tabTo(popup, open, clicks, 'Shift+Tab');
      clicks.openKeys = clicks.keys - before;
      clicks.keys = before;
    }
    // Chrome opens its side panel (out of Playwright's reach) and the popup closes itself.
    const closed = popup.waitForEvent('close', { timeout: 10_000 });
    // (The press may end with the page it was sent to: `closed` is the outcome that counts.)
    await (keyboard ? popup.keyboard.press('Enter') : open.click()).catch(() => {});
    await closed;
    const panel = await browser().openPanel(windowId);
    await panel.setViewportSize(POPUP_SIZE);
    return {
      windowId,
      async show(tab) {
        await tab.page.bringToFront();
        await shows(panel, tab.tabId);
        return panel;
      },
      async after() {},
      async done() {
        await panel.close();
      },
    };
  }

  /** Waits until the side panel shows tab `tabId` and has stopped redrawing. */
  async function shows(panel, tabId) {
    let last = null;
    for (let i = 0; i < 60; i++) {
      const now = await panel.evaluate(() => {
        const g = document.querySelector('#guide');
        return g?.dataset.version && !document.querySelector('[aria-busy]') ? `${g.dataset.tab} ${g.dataset.version}` : null;
      }).catch(() => null); // a reload (another tab) is under way
      if (now && now.startsWith(`${tabId} `) && now === last) return;
      last = now;
      await panel.waitForTimeout(500);
    }
    assert.fail(`the side panel did not show tab ${tabId} (it shows: ${last})`);
  }

  /** Keyboard only: Tab until `target` has the focus (counted), as a keyboard user does. */
  async function tabTo(page, target, clicks, key = 'Tab') {
    for (let i = 0; i < 40; i++) {
      if (await target.evaluate((e) => e === document.activeElement).catch(() => false)) return;
      await page.keyboard.press(key);
      clicks.keys++;
    }
    assert.fail('Tab never reached the action');
  }

  /** IMS Link's action: a click, or (keyboard only) Enter on it, reached with Tab from the focused next action. */
  async function press(page, target, clicks, keyboard) {
    clicks.buttons++;
    if (!keyboard) return target.click();
    await tabTo(page, target, clicks);
    await page.keyboard.press('Enter');
  }

  /**
   * `until(guide)` ends the walk early (a failure variant; with `keep` the side panel stays open
   * and is returned with the tab); `tamper(guide)` changes the fake cloud before each step.
   */
  async function follow(knows, trail, shot, { until, tamper, mode, keyboard, keep }) {
    const axe = new Map();
    const heights = [];
    const clicks = counter(mode, keyboard);
    const blank = await browser().context.newPage();
    await blank.goto('about:blank');
    await blank.bringToFront();
    let tab = { page: blank, tabId: await browser().activeTabId() };
    const ui = await surface(mode, tab, clicks, keyboard);
    /** The tab in front of the admin's window, once `page` is there. */
    const front = async (page) => {
      await page.bringToFront();
      return { page, tabId: ui.windowId === undefined ? await browser().activeTabId() : await browser().activeTabIn(ui.windowId) };
    };
    /** The admin's press `act`, after which IMS Link opens a page (`url`) in their window: its tab. */
    const opensPage = async (act, url) => {
      const opened = browser().context.waitForEvent('page');
      await act();
      const page = await opened;
      if (url) await page.waitForURL(url);
      await page.waitForLoadState();
      trail.push(`   IMS Link opened ${page.url()}`);
      const shown = await front(page);
      await page.waitForTimeout(500);
      return shown;
    };
    const own = [];
    const seen = new Map();
    const result = (g) => ({ own, guide: g, axe: Object.fromEntries(axe), trail, heights, clicks: done(clicks) });
    for (let i = 0; i < 40; i++) {
      let popup;
      let g;
      for (let attempt = 1; ; attempt++) {
        try {
          popup = await ui.show(tab);
          g = await readGuide(popup);
          await measure(popup, heights, g, mode);
          await shoot(popup, shot);
          await audit(popup, axe, mode);
          break;
        } catch (err) {
          // The side panel started again while it was read: a tab the test itself opened for a
          // moment (the harness waking the worker) was activated. Read it anew.
          if (mode !== 'panel' || attempt === 3 || !/context was destroyed|navigat/.test(err.message)) throw err;
          heights.pop();
        }
      }
      if (until?.(g)) {
        // `keep`: the side panel stays open on the tab, for the test to go on from there.
        if (!keep) await ui.done(popup);
        return { ...result(g), panel: popup, tab };
      }
      if (g.stages.length === 4 && g.stages.every((s) => s.status === 'done')) {
        // The last message may still ask to save the form AEM just connected.
        trail.push(`${i + 1}. ${tab.page.url()} — ${g.text} [${g.steps.join(' / ')}]`);
        for (const step of g.steps) await doStep(tab, popup, step, own, clicks);
        await ui.done(popup);
        return result(g);
      }
      if (g.text.startsWith('IMS Link is checking the credential with IMS by itself')) {
        // Nothing to click: IMS Link's own check is on its way, and the admin waits for IMS.
        trail.push(`${i + 1}. ${tab.page.url()} — ${g.text} [waits for IMS]`);
        await settled(popup, g.version);
        await ui.after(popup);
        continue;
      }
      await tamper?.(g);
      // Where the guide offers a choice (IMS Link's key pair or AEM's certificate), the admin's
      // own choice may take another way: counted as own knowledge.
      const chosen = await knows.choose?.(tab, g);
      if (chosen) {
        own.push(g.text);
        clicks.own++;
        trail.push(`${i + 1}. ${tab.page.url()} — ${g.text} [the admin chooses: ${chosen.why}]`);
        tab = chosen.tab;
        await ui.after(popup);
        continue;
      }
      trail.push(`${i + 1}. ${tab.page.url()} — ${g.text} [${g.steps.join(' / ')}] ${g.button ?? g.authorButton ?? ''} ${g.link ?? ''}${g.taken ? ` {${g.taken}}` : ''}`);
      const key = `${tab.page.url()} ${g.text} ${g.steps.join('|')}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      assert.ok(seen.get(key) <= 2, `the guide repeats itself on ${tab.page.url()}: ${g.text}`);

      if (g.author) {
        // The guide asks for the AEM author's address: the admin's own knowledge, typed where
        // the focus already is, and sent with Enter.
        own.push(g.text);
        clicks.own++;
        const field = popup.getByLabel("Your AEM author's address");
        await tabTo(popup, field, clicks);
        await field.fill(knows.aem);
        const current = g.version;
        if (g.authorButton === 'Allow on this AEM site') {
          // The side panel's form also asks the browser for the site: the admin allows it (one
          // more click), and IMS Link opens the author's page itself; the panel follows it.
          clicks.prompts++;
          await browser().answerSitePrompt(knows.aem);
          tab = await opensPage(() => popup.keyboard.press('Enter'));
          await ui.after(popup);
          continue;
        }
        await popup.keyboard.press('Enter');
        await settled(popup, current);
      } else if (g.link) {
        const link = popup.locator('#next-link').getByRole('link', { name: g.link });
        clicks.links++;
        const opened = browser().context.waitForEvent('page');
        if (keyboard) {
          await tabTo(popup, link, clicks);
          await popup.keyboard.press('Enter');
        } else {
          await link.click();
        }
        const page = await opened;
        await page.waitForLoadState();
        tab = await front(page);
        await page.waitForTimeout(500);
      } else if (g.steps.length || g.button || g.watching) {
        await tab.page.bringToFront();
        // What IMS Link does on the page itself, the admin only watches.
        if (!g.runs) for (const step of g.steps) await doStep(tab, popup, step, own, clicks);
        if (!g.button && g.watching) {
          // The side panel reads AEM's answer by itself: the admin did the page steps and
          // looks at the panel for the next step.
          await nextStep(popup, g);
        } else if (g.button) {
          if (mode === 'popup') await popup.bringToFront();
          else await ui.show(tab);
          const current = await popup.evaluate(() => document.querySelector('#guide').dataset.version);
          const button = popup.locator('#next-action button').first();
          if (g.allow) {
            // "Allow on this AEM site": the browser asks, the admin allows (one more click).
            clicks.prompts++;
            await browser().answerSitePrompt(g.allow);
          }
          if (g.allow && g.opens) {
            // Once allowed, IMS Link opens the author's page itself, in the admin's window; the
            // panel follows it there (and starts again on it).
            tab = await opensPage(() => press(popup, button, clicks, keyboard), g.opens);
            await ui.after(popup);
            continue;
          }
          await press(popup, button, clicks, keyboard);
          // A fill whose values carry an error (a JWT credential Adobe converted) shows it and
          // waits for "Fill anyway": the admin who chose JWT on purpose says so.
          await popup.waitForFunction((v) => document.querySelector('#fill-anyway')
            || (document.querySelector('#guide').dataset.version !== v && !document.querySelector('[aria-busy]')), current, { timeout: 30_000 });
          if (await popup.locator('#fill-anyway').count()) {
            trail.push(`   fill anyway: ${await popup.locator('#fill-result').innerText()}`);
            await press(popup, popup.locator('#fill-anyway'), clicks, keyboard);
          }
          await settled(popup, current);
        }
      } else {
        // Only words: the admin's own knowledge takes over (and may move to another tab).
        own.push(g.text);
        clicks.own++;
        tab = (await knows(tab, g.text)) ?? tab;
        if (mode === 'panel') tab = await front(tab.page);
      }
      await ui.after(popup);
    }
    assert.fail('the guide did not finish in 40 steps');
  }

  /** The tab showing `url` (an open page the admin goes back to). */
  async function back(part) {
    const page = browser().context.pages().find((p) => p.url().includes(part));
    assert.ok(page, `no open tab shows ${part}`);
    await page.bringToFront();
    return { page, tabId: await browser().activeTabId() };
  }

  /**
   * `certificate: 'aem'`: the admin lets AEM create the key pair (JWT route A) where the guide
   * offers it, instead of IMS Link's key pair.
   */
  function admin({ project, credential, aem, site, certificate = null }) {
    const knows = async (tab, text) => {
      if (text.startsWith('Go back to the tab with AEM\'s IMS wizard')) return back('/configurations/create.html');
      if (text.startsWith('Open your project')) {
        await tab.page.getByRole('link', { name: project, exact: true }).first().click();
        await tab.page.getByRole('link', { name: credential, exact: true }).first().click();
        await tab.page.getByRole('heading', { name: credential }).waitFor();
        await tab.page.waitForTimeout(500);
      } else if (text.includes('your AEM author') && !text.includes('address')) {
        await tab.page.goto(`${aem}/aem/start.html`);
      } else if (text.startsWith("Open your site's configuration folder")) {
        // A link in a list, or the folder's item in AEM's column view.
        const folder = tab.page.locator('coral-columnview-item').filter({ has: tab.page.getByText(site, { exact: true }) });
        await tab.page.getByRole('link', { name: site, exact: true }).or(folder).first().click();
        await tab.page.waitForURL(`**/conf/${site}`);
        await tab.page.waitForLoadState();
      } else {
        assert.fail(`the admin does not know what to do: ${text}`);
      }
      return null;
    };
    knows.choose = async (tab, g) => {
      if (certificate !== 'aem' || g.button !== 'Generate key pair' || !g.text.includes('or let AEM create the certificate')) return null;
      await tab.page.goto(`${aem}/libs/cq/adobeims-configuration/content/configurations.html`);
      await tab.page.waitForTimeout(500);
      return { tab, why: "AEM creates the certificate: to AEM's Adobe IMS Configurations" };
    };
    knows.aem = aem;
    return knows;
  }

  /** A fresh AEM: only the Analytics IMS configuration it ships with, no Target configuration, no key store. */
  function freshAem() {
    const aem = browser().cloud.state.aem;
    aem.imsConfigs.splice(1);
    aem.targetConfigs.length = 0;
    aem.actions.length = 0;
    // No key store for authentication-service yet, so no key pairs either.
    delete aem.keystore;
    aem.keypairs = {};
  }

  const lastAction = (name) => browser().cloud.state.aem.actions.filter((a) => a.action === name).at(-1);

  return { readGuide, settled, nextStep, doStep, walk, admin, freshAem, lastAction, uploads, clickLine, SHOTS };
}
