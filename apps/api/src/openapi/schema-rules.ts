import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * Like @IsOptional, but only for a missing property: an explicit `null` is still validated (and so
 * refused by @IsString and friends), which is what the OpenAPI document says (not nullable).
 */
export const OptionalNotNull = (options?: ValidationOptions) =>
  ValidateIf((_object: object, value: unknown) => value !== undefined, options);

/** JSON Schema keywords a class's decorators cannot state, merged into its OpenAPI schema by name. */
export const SCHEMA_RULES: Record<string, Record<string, unknown>> = {};

/** Adds JSON Schema keywords (e.g. `oneOf` for either/or fields) to the class's OpenAPI schema. */
export const SchemaRules =
  (rules: Record<string, unknown>): ClassDecorator =>
  (target) => {
    SCHEMA_RULES[target.name] = rules;
  };
