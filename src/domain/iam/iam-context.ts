// What every IAM/STS action runs with: the caller's account and identity, and the time.
import type { Principal } from '../../auth/principal.js';

export interface IamContext {
  readonly accountId: string;
  readonly principal: Principal;
  readonly now: Date;
}
