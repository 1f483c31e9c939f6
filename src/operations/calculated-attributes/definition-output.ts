// Wire form of a calculated attribute definition: the stored definition with its status, readiness and tags.
import type { CalculatedAttributeView } from '../../domain/calculated-attributes/calculated-attribute-service.js';
import { tagsOutput } from '../mappers/tags-output.js';

export function definitionOutput(view: CalculatedAttributeView) {
  const { definition } = view;
  return {
    CalculatedAttributeName: view.name,
    DisplayName: definition.DisplayName,
    Description: definition.Description,
    AttributeDetails: definition.AttributeDetails,
    Conditions: definition.Conditions,
    Filter: definition.Filter,
    Statistic: definition.Statistic,
    UseHistoricalData: definition.UseHistoricalData,
    CreatedAt: view.createdAt,
    LastUpdatedAt: view.lastUpdatedAt,
    Status: view.status,
    Readiness: { ProgressPercentage: view.progressPercentage, ...(view.readinessMessage !== undefined && { Message: view.readinessMessage }) },
    Tags: tagsOutput(view.tags),
  };
}

/** The members of an item of ListCalculatedAttributeDefinitions. */
export function definitionListItem(view: CalculatedAttributeView) {
  const { AttributeDetails: _details, Conditions: _conditions, Filter: _filter, Statistic: _statistic, Readiness: _readiness, ...item } = definitionOutput(view);
  return item;
}
