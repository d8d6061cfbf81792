output "role_arn" {
  description = "ARN of the audit role; a list of these is what Root Posture reads with rootposture.targets=terraform."
  value       = aws_iam_role.audit.arn
}

output "account_id" {
  description = "The account the role was created in."
  value       = split(":", aws_iam_role.audit.arn)[4]
}
