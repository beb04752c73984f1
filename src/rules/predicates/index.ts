import { boundString } from './bound-string.js';
import { boundTruthValue } from './bound-truth-value.js';
import { boundToCallPredicate } from './bound-to-call.js';
import { catchesBroadlyPredicate } from './catches-broadly.js';
import { caughtUntrustedPredicate } from './caught-untrusted.js';
import { inCommandWrapperPredicate, isRunParameterPredicate } from './command-wrapper.js';
import { couldBeCredentialPredicate } from './could-be-credential.js';
import { fileCalls } from './file-calls.js';
import { fileImports } from './file-imports.js';
import { fileMentionsPredicate } from './file-mentions.js';
import { fillsOnlyConstants } from './fills-only-constants.js';
import { labelledAsIdentifierPredicate } from './labelled-as-identifier.js';
import { lastNameMatches } from './last-name-matches.js';
import { functionRebindsRoot, moduleRebindsRoot } from './rebinds-root.js';
import { fillsOnlyObjectIdentifiers } from './fills-only-object-identifiers.js';
import { fillsOnlyPlaceholders } from './fills-only-placeholders.js';
import { flowsIntoSecretName } from './flows-into-secret-name.js';
import { hasKeyword } from './has-keyword.js';
import { holdsBidiControl } from './holds-bidi-control.js';
import { holdsListeningSocketPredicate } from './holds-listening-socket.js';
import { holdsNamePredicate } from './holds-name.js';
import { holdsOwnSubclassPredicate } from './holds-own-subclass.js';
import { holdsRevealedExceptionPredicate } from './holds-revealed-exception.js';
import { inClassDerivingFrom } from './in-class-deriving-from.js';
import { inValueOfPredicate } from './in-value-of.js';
import { integerValuePredicate } from './integer-value.js';
import { isCallTo } from './is-call-to.js';
import { isBooleanFlagPredicate } from './is-boolean-flag.js';
import { isCodeConstantPredicate } from './is-code-constant.js';
import { isConstantStringPredicate } from './is-constant-string.js';
import { isCredentialedUrlPredicate } from './is-credentialed-url.js';
import { isConstantValuePredicate } from './is-constant-value.js';
import { isFixedTextPredicate } from './is-fixed-text.js';
import { isTruthyConstantPredicate } from './is-truthy-constant.js';
import { looksLikeHttpCallPredicate } from './looks-like-http-call.js';
import { looksLikeSqlPredicate, mayBeSqlStatementPredicate } from './looks-like-sql.js';
import { isServerContextPredicate } from './is-server-context.js';
import { isMigrationFile } from './is-migration-file.js';
import { isClientPackage } from './is-client-package.js';
import { holdsTupleOfIdsPredicate } from './holds-tuple-of-ids.js';
import { boundInFile } from './bound-in-file.js';
import { argumentOfMethod } from './argument-of-method.js';
import { isFormattedStringPredicate } from './is-formatted-string.js';
import { isLoggerPredicate } from './is-logger.js';
import { isSecretNamePredicate } from './is-secret-name.js';
import { isTestFile } from './is-test-file.js';
import { keywordResolvesTo } from './keyword-resolves-to.js';
import { matchesString } from './matches-string.js';
import { mentionsSecret } from './mentions-secret.js';
import { namesDecoratedMethodPredicate } from './names-decorated-method.js';
import { notClosedOnEveryPath } from './not-closed-on-every-path.js';
import { objectOfAttribute } from './object-of-attribute.js';
import { onlyContains } from './only-contains.js';
import { passesArgumentPredicate } from './passes-argument.js';
import type { Predicate } from './predicate.js';
import { reachesCaller } from './reaches-caller.js';
import { resolvesTo } from './resolves-to.js';
import { resolvesToWithStarImports } from './resolves-to-with-star-imports.js';
import { revealsExceptionPredicate } from './reveals-exception.js';
import { sentAsKeywordPredicate } from './sent-as-keyword.js';
import { isPlaceholderListPredicate } from './is-placeholder-list.js';
import { validatedBefore } from './validated-before.js';
import { pathCheckedBefore } from './path-checked-before.js';
import { holdsOnlyPredicate } from './holds-only.js';
import { checkedAsSuccessPredicate } from './checked-as-success.js';
import { checksMembersBeforePredicate } from './checks-members-before.js';
import { keyedByPlainNamesPredicate } from './keyed-by-plain-names.js';
import { fillsOnlyNumbers } from './fills-only-numbers.js';
import { madeByCall } from './made-by-call.js';
import { holdsOnlyInstancesNotNamedPredicate } from './holds-only-instances-not-named.js';
import { givenOnlyConstantsPredicate } from './given-only-constants.js';
import { comparesObjectsFieldPredicate } from './compares-objects-field.js';
import { comparesUnpackedFieldsPredicate } from './compares-unpacked-fields.js';
import { guardsUpdatePredicate } from './guards-update.js';
import { partOfProsePredicate } from './part-of-prose.js';
import { namesConfirmation } from './names-confirmation.js';
import { passesEntitySafeParserPredicate } from './passes-entity-safe-parser.js';
import { receivesOwnMethod } from './receives-own-method.js';
import { usedAsPathPredicate } from './used-as-path.js';
import { usedAsNamePredicate } from './used-as-name.js';
import { isSyntaxTokenPredicate } from './is-syntax-token.js';
import { iteratesNamesPredicate } from './iterates-names.js';
import { readsFixedFilePredicate } from './reads-fixed-file.js';
import { optionReadAsPathPredicate } from './option-read-as-path.js';
import { pairedWithCertificateOptionPredicate } from './paired-with-certificate-option.js';
import { formatsResultOf } from './formats-result-of.js';
import { fillsOnlyCallsNamed } from './fills-only-calls-named.js';
import { filtersMembersPredicate } from './filters-members.js';
import { builtOnlyFromPredicate } from './built-only-from.js';

/** Every predicate a rule's `where:` may name, by name. Adding one: a file here plus a line below. */
export const PREDICATES: ReadonlyMap<string, Predicate> = new Map(
  [
    resolvesTo,
    flowsIntoSecretName,
    isConstantStringPredicate,
    isCodeConstantPredicate,
    isBooleanFlagPredicate,
    isFormattedStringPredicate,
    isSecretNamePredicate,
    isLoggerPredicate,
    couldBeCredentialPredicate,
    revealsExceptionPredicate,
    reachesCaller,
    catchesBroadlyPredicate,
    onlyContains,
    notClosedOnEveryPath,
    mentionsSecret,
    hasKeyword,
    keywordResolvesTo,
    isTestFile,
    matchesString,
    integerValuePredicate,
    isCallTo,
    isConstantValuePredicate,
    fillsOnlyConstants,
    isFixedTextPredicate,
    moduleRebindsRoot,
    functionRebindsRoot,
    fillsOnlyObjectIdentifiers,
    fillsOnlyPlaceholders,
    objectOfAttribute,
    boundString,
    boundToCallPredicate,
    isTruthyConstantPredicate,
    looksLikeSqlPredicate,
    mayBeSqlStatementPredicate,
    isMigrationFile,
    isClientPackage,
    holdsTupleOfIdsPredicate,
    boundInFile,
    argumentOfMethod,
    fileImports,
    fileMentionsPredicate,
    validatedBefore,
    pathCheckedBefore,
    isPlaceholderListPredicate,
    caughtUntrustedPredicate,
    holdsRevealedExceptionPredicate,
    inClassDerivingFrom,
    isCredentialedUrlPredicate,
    boundTruthValue,
    holdsBidiControl,
    passesArgumentPredicate,
    resolvesToWithStarImports,
    namesDecoratedMethodPredicate,
    holdsNamePredicate,
    isRunParameterPredicate,
    inCommandWrapperPredicate,
    sentAsKeywordPredicate,
    looksLikeHttpCallPredicate,
    isServerContextPredicate,
    holdsOnlyPredicate,
    checkedAsSuccessPredicate,
    checksMembersBeforePredicate,
    keyedByPlainNamesPredicate,
    fillsOnlyNumbers,
    madeByCall,
    holdsOnlyInstancesNotNamedPredicate,
    namesConfirmation,
    guardsUpdatePredicate,
    givenOnlyConstantsPredicate,
    partOfProsePredicate,
    comparesObjectsFieldPredicate,
    comparesUnpackedFieldsPredicate,
    passesEntitySafeParserPredicate,
    receivesOwnMethod,
    holdsListeningSocketPredicate,
    holdsOwnSubclassPredicate,
    usedAsPathPredicate,
    usedAsNamePredicate,
    isSyntaxTokenPredicate,
    iteratesNamesPredicate,
    readsFixedFilePredicate,
    labelledAsIdentifierPredicate,
    fileCalls,
    inValueOfPredicate,
    builtOnlyFromPredicate,
    optionReadAsPathPredicate,
    pairedWithCertificateOptionPredicate,
    formatsResultOf,
    fillsOnlyCallsNamed,
    filtersMembersPredicate,
    lastNameMatches,
  ].map((p) => [p.name, p]),
);
