using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Secrets;

/// <summary>A path setting that, when set, must name an existing file.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class FileExistsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);

        return value is string { Length: > 0 } path && !File.Exists(path)
            ? new ValidationResult(
                $"{validationContext.MemberName} names a file that does not exist: {path}",
                [validationContext.MemberName ?? string.Empty])
            : ValidationResult.Success;
    }
}
