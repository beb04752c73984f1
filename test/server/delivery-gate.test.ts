import { DeliveryGate } from '../../src/server/delivery-gate.js';
import type { WebhookDelivery } from '../../src/server/parse-webhook.js';

function pr(id: string, action: string, head: string, extra: { number?: number; draft?: boolean } = {}): WebhookDelivery {
  return { id, name: 'pull_request', payload: { action, repository: { name: 'r', owner: { login: 'o' } }, pull_request: { number: extra.number ?? 1, draft: extra.draft ?? false, head: { sha: head } } } };
}

describe('DeliveryGate', () => {
  it('handles a delivery id once', () => {
    const gate = new DeliveryGate();
    expect(gate.admit(pr('a', 'opened', 'h1'))).toBe('handle');
    expect(gate.admit(pr('a', 'opened', 'h1'))).toBe('duplicate-delivery');
  });

  it('handles a head once while it runs and after it succeeded, whatever the delivery id', () => {
    const gate = new DeliveryGate();
    const first = pr('a', 'synchronize', 'h1');
    expect(gate.admit(first)).toBe('handle');
    expect(gate.admit(pr('b', 'synchronize', 'h1'))).toBe('same-head-in-progress');
    gate.finished(first, true);
    expect(gate.admit(pr('c', 'reopened', 'h1'))).toBe('same-head-done');
    expect(gate.admit(pr('d', 'synchronize', 'h2'))).toBe('handle');
    expect(gate.admit(pr('e', 'synchronize', 'h1', { number: 2 }))).toBe('handle');
  });

  it('lets a head be tried again after its handling failed', () => {
    const gate = new DeliveryGate();
    const first = pr('a', 'opened', 'h1');
    gate.admit(first);
    gate.finished(first, false);
    expect(gate.admit(pr('b', 'opened', 'h1'))).toBe('handle');
  });

  it('reviews a draft head again once it is ready for review', () => {
    const gate = new DeliveryGate();
    const draft = pr('a', 'opened', 'h1', { draft: true });
    gate.admit(draft);
    gate.finished(draft, true);
    expect(gate.admit(pr('b', 'ready_for_review', 'h1'))).toBe('handle');
  });

  it('never holds back other events such as a re-run, nor other actions', () => {
    const gate = new DeliveryGate();
    const rerun: WebhookDelivery = { id: 'x', name: 'check_run', payload: { action: 'rerequested' } };
    expect(gate.admit(rerun)).toBe('handle');
    expect(gate.admit({ ...rerun, id: 'y' })).toBe('handle');
    expect(gate.admit(pr('c', 'closed', 'h1'))).toBe('handle');
    expect(gate.admit(pr('d', 'closed', 'h1'))).toBe('handle');
  });

  it('forgets the oldest entries past its capacity', () => {
    const gate = new DeliveryGate(2);
    gate.admit(pr('a', 'closed', 'h'));
    gate.admit(pr('b', 'closed', 'h'));
    gate.admit(pr('c', 'closed', 'h'));
    expect(gate.admit(pr('a', 'closed', 'h'))).toBe('handle');
    expect(gate.admit(pr('c', 'closed', 'h'))).toBe('duplicate-delivery');
  });
});
