import { newPayloadKeyEntry } from '@capacites/config';
import { loadWorkerConfig } from '../../config/worker.config';
import { WebhookDeliveryService } from '../webhook-delivery.service';

const DATABASE_URL = 'postgres://capacites@127.0.0.1/capacites';
// The service is only constructed: neither the database nor the notifier is reached.
const unused = {} as never;

describe("The worker's deliveries and the data keys", () => {
  it('refuse to start in production without DATA_ENCRYPTION_KEYS: endpoints are stored encrypted', () => {
    const config = loadWorkerConfig({ DATABASE_URL, NODE_ENV: 'production', TEMPORAL_PAYLOAD_KEYS: newPayloadKeyEntry('p') });
    expect(() => new WebhookDeliveryService(unused, config, unused)).toThrow(
      /DATA_ENCRYPTION_KEYS or DATA_ENCRYPTION_KEYS_FILE is required in production/,
    );
    const withKeys = loadWorkerConfig({
      DATABASE_URL,
      NODE_ENV: 'production',
      TEMPORAL_PAYLOAD_KEYS: newPayloadKeyEntry('p'),
      DATA_ENCRYPTION_KEYS: newPayloadKeyEntry('d'),
    });
    expect(() => new WebhookDeliveryService(unused, withKeys, unused)).not.toThrow();
  });
});
