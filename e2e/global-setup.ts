import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumInstalled, chromiumLaunchOptions, chromiumMissingMessage } from './support/chromium.js';
import { type ReReferralFamily, startHearth } from './support/hearth-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    hearthUrl: string;
    browserEndpoint: string;
    demoChildId: string;
    reReferralFamily: ReReferralFamily;
  }
}

/** Starts, once for the run, the Hearth server and the Chromium that every test file connects to. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!chromiumInstalled) {
    console.log(chromiumMissingMessage);
    return undefined;
  }
  const browser = await chromium.launchServer(chromiumLaunchOptions);
  try {
    const hearth = await startHearth();
    project.provide('hearthUrl', hearth.url);
    project.provide('browserEndpoint', browser.wsEndpoint());
    project.provide('demoChildId', hearth.demoChildId);
    project.provide('reReferralFamily', hearth.reReferralFamily);
    return async () => {
      await browser.close();
      await hearth.close();
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
