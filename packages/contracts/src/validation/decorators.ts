import {
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { AGENCY_KIND_CODE, PartyKind } from '../enums.js';
import { residentIdNumberProblem, unifiedSocialCreditCodeProblem } from '../ids.js';
import { isFen } from '../money.js';

/**
 * The party's id number must pass the check of its kind: 居民身份证 for a natural person,
 * 统一社会信用代码 for an organisation. The object's `kind` decides which.
 */
@ValidatorConstraint({ name: 'isPartyIdNumber' })
class PartyIdNumberConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return typeof value === 'string' && this.problem(value, args) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    const value: unknown = args.value;
    if (typeof value !== 'string') return `${args.property} must be a string`;
    return `${args.property} ${this.problem(value, args) ?? 'is invalid'}`;
  }

  private problem(value: string, args: ValidationArguments): string | null {
    const kind = (args.object as { kind?: unknown }).kind;
    if (kind === PartyKind.NaturalPerson) {
      const problem = residentIdNumberProblem(value);
      return problem && `(居民身份证号码) ${problem}`;
    }
    if (kind === PartyKind.Organisation) {
      const problem = unifiedSocialCreditCodeProblem(value);
      return problem && `(统一社会信用代码) ${problem}`;
    }
    return 'cannot be checked without a valid kind';
  }
}

export function IsPartyIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPartyIdNumber',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: PartyIdNumberConstraint,
    });
}

/** An amount in integer fen: a whole, non-negative, safe number (never a float). */
export function IsFen(options?: ValidationOptions & { positive?: boolean }): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isFen',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => isFen(value) && (!options?.positive || value > 0),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'amount'} must be a whole number of fen (分)${options?.positive ? ' greater than 0' : ' of 0 or more'}, not a fraction`,
      },
    });
}

/**
 * An agency kind's code (查控渠道): national or provincial, checked against its pattern only — whether
 * the kind exists is asset-control's catalog's to say.
 */
export function IsAgencyKindCode(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAgencyKindCode',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && AGENCY_KIND_CODE.test(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'kind'} must be an agency kind code: A–Z, 0–9 and _, 2 to 40 long, starting with a letter`,
      },
    });
}

/** A natural person's 居民身份证号码 (18 characters, ISO 7064 MOD 11-2 check digit). */
export function IsResidentIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && residentIdNumberProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          const problem = typeof value === 'string' ? residentIdNumberProblem(value) : 'must be a string';
          return `${args?.property ?? 'idNumber'} (居民身份证号码) ${problem ?? 'is invalid'}`;
        },
      },
    });
}

/** The property may be given only when the object's `kind` is an organisation (法人或其他组织). */
export function OrganisationOnly(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'organisationOnly',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          value === undefined || (args?.object as { kind?: unknown }).kind === PartyKind.Organisation,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'field'} is only for an organisation party (法人或其他组织), not a natural person`,
      },
    });
}
