/**
 * kube-aggregator's availability metrics: `aggregator_unavailable_apiservice` (1 while an
 * APIService is not Available, set on every check) and `aggregator_unavailable_apiservice_total`
 * (each time one turns unavailable, by the reason it gave).
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { APIServiceCondition } from './apiservice.js';

export class AvailabilityMetrics {
  private readonly gauge: Gauge<'name'>;
  private readonly counter: Counter<'name' | 'reason'>;

  constructor(registry: Registry) {
    this.gauge = new Gauge({ name: 'aggregator_unavailable_apiservice', help: 'Gauge of APIServices which are marked as unavailable broken down by APIService name.', labelNames: ['name'], registers: [registry] });
    this.counter = new Counter({
      name: 'aggregator_unavailable_apiservice_total',
      help: 'Counter of APIServices which are marked as unavailable broken down by APIService name and reason.',
      labelNames: ['name', 'reason'],
      registers: [registry],
    });
  }

  /** Records a check of `name`: its condition before and now. */
  observe(name: string, before: APIServiceCondition | undefined, now: Pick<APIServiceCondition, 'status' | 'reason'>): void {
    const available = now.status === 'True';
    this.gauge.set({ name }, available ? 0 : 1);
    if (!available && before?.status === 'True') this.counter.inc({ name, reason: now.reason || 'UnknownReason' });
  }

  /** Drops the gauge of an APIService that is gone. */
  forget(name: string): void {
    this.gauge.remove({ name });
  }
}
