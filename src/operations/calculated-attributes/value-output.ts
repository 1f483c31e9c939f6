// Wire form of a calculated attribute's value for a profile: strings for the value and IsDataPartial (spec 2a §0.2).
import type { ProfileValue } from '../../domain/calculated-attributes/calculated-value-service.js';

export function valueOutput(value: ProfileValue) {
  return {
    CalculatedAttributeName: value.name,
    DisplayName: value.displayName,
    IsDataPartial: String(value.evaluation.isDataPartial),
    Value: value.evaluation.value,
    LastObjectTimestamp: value.evaluation.lastObjectTimestamp,
  };
}
