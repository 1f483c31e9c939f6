// `openprofiles calculated-attributes explain --domain D --profile P NAME`: which objects produced a profile's
// value of a calculated attribute, with the window and object count the evaluation used, as of now. One JSON
// object (ISO times), read from the store the server uses.
import { readConfig, type ServeOptions } from '../config.js';
import { createContainer } from '../container.js';

export async function explainCalculatedAttribute(name: string, options: ServeOptions & { domain: string; profile: string }): Promise<void> {
  const config = readConfig(options);
  const container = await createContainer(config);
  try {
    const scope = { accountId: config.accountId, region: config.region };
    const explained = await container.services.calculatedValues.explain(scope, options.domain, name, options.profile);
    const output = {
      CalculatedAttributeName: explained.name,
      ProfileId: explained.profileId,
      EvaluatedAt: explained.evaluatedAt.toISOString(),
      Window: { From: explained.window.from?.toISOString() ?? null, To: explained.window.to?.toISOString() ?? null },
      ObjectsAtMost: explained.limit,
      Statistic: explained.statistic,
      Objects: explained.entries.map((entry) => ({
        ObjectTypeName: entry.objectTypeName,
        ProfileObjectUniqueKey: entry.objectKey,
        Timestamp: entry.ts.toISOString(),
        IngestedAt: entry.ingestedAt.toISOString(),
        Value: entry.valueText ?? null,
      })),
      Value: explained.evaluation.value ?? null,
      IsDataPartial: explained.evaluation.isDataPartial,
    };
    process.stdout.write(JSON.stringify(output, null, 2) + '\n');
  } finally {
    await container.close();
  }
}
