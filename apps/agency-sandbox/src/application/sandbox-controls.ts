import { Injectable } from '@nestjs/common';
import type { SandboxConfigureRequest } from '@writ/contracts';
import { reconfigure, seededRandom, type SandboxSettings } from '../domain/sandbox-settings.js';
import { initialSettings, SandboxConfig } from '../sandbox.config.js';

/**
 * The sandbox's current latency and fault rates. Held per process: a test or demo changes them at
 * runtime through `agency.sandbox.configure`, which reaches one replica of the queue group.
 */
@Injectable()
export class SandboxControls {
  private settings: SandboxSettings;
  private readonly random: () => number;

  constructor(config: SandboxConfig) {
    this.settings = initialSettings(config);
    this.random = config.SANDBOX_SEED === undefined ? Math.random : seededRandom(config.SANDBOX_SEED);
  }

  current(): SandboxSettings {
    return { ...this.settings };
  }

  configure(request: SandboxConfigureRequest): SandboxSettings {
    this.settings = reconfigure(this.settings, request);
    return this.current();
  }

  /** One roll in [0, 1) for the next inquiry's fate. */
  roll(): number {
    return this.random();
  }
}
