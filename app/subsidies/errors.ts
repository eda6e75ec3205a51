// The subsidy domain's refusals (for now a class; see the DomainError commit).
export class SubsidyError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "SubsidyError";
  }
}
