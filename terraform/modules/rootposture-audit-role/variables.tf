variable "role_name" {
  description = "Name of the audit role; pass the same name to Root Posture as rootposture.role."
  type        = string
  default     = "RootPostureAudit"
}

variable "trusted_principal_arns" {
  description = "ARNs of the pipeline principals allowed to assume the role (the role or user the post-deploy stage runs as)."
  type        = list(string)

  validation {
    condition     = length(var.trusted_principal_arns) > 0
    error_message = "trusted_principal_arns needs at least one principal ARN."
  }
}

variable "external_id" {
  description = "External id the pipeline must present; pass the same value to Root Posture as rootposture.external-id."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.external_id) >= 2
    error_message = "external_id must be at least 2 characters."
  }
}

variable "tags" {
  description = "Tags for the role."
  type        = map(string)
  default     = {}
}
