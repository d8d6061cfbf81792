# Deploys the Root Posture audit role (terraform/modules/rootposture-audit-role) into each member account, one
# provider alias per account, and exposes what the post-deploy runner reads:
#
#   terraform output -json > tf-outputs.json          # or: tofu output -json > tf-outputs.json
#   java -jar rootposture-runner.jar --targets terraform \
#        --terraform-outputs tf-outputs.json --terraform-output rootposture_targets --external-id "$EXTERNAL_ID"
#
# rootposture_targets is a map of account name → role ARN: the names show in the report, and each role is assumed
# as given (with the external id) instead of rootposture.role.

terraform {
  required_version = ">= 1.6" # Terraform 1.6+ or OpenTofu 1.6+
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "pipeline_role_arn" {
  description = "The role the post-deploy stage runs as; the only principal trusted by the audit roles."
  type        = string
}

variable "rootposture_external_id" {
  description = "External id the runner presents (--external-id); keep it in the pipeline's secret store."
  type        = string
  sensitive   = true
}

# The management (or deployment) account's credentials; each alias below assumes the organization's access role in
# one member account. Add one provider and one module block per account.
provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "prod_payments"
  region = var.region
  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"
  }
}

provider "aws" {
  alias  = "dev_sandbox"
  region = var.region
  assume_role {
    role_arn = "arn:aws:iam::333333333333:role/OrganizationAccountAccessRole"
  }
}

provider "aws" {
  alias  = "security_tooling"
  region = var.region
  assume_role {
    role_arn = "arn:aws:iam::777777777777:role/OrganizationAccountAccessRole"
  }
}

module "audit_role_prod_payments" {
  source                 = "../../terraform/modules/rootposture-audit-role"
  providers              = { aws = aws.prod_payments }
  trusted_principal_arns = [var.pipeline_role_arn]
  external_id            = var.rootposture_external_id
}

module "audit_role_dev_sandbox" {
  source                 = "../../terraform/modules/rootposture-audit-role"
  providers              = { aws = aws.dev_sandbox }
  trusted_principal_arns = [var.pipeline_role_arn]
  external_id            = var.rootposture_external_id
}

module "audit_role_security_tooling" {
  source                 = "../../terraform/modules/rootposture-audit-role"
  providers              = { aws = aws.security_tooling }
  trusted_principal_arns = [var.pipeline_role_arn]
  external_id            = var.rootposture_external_id
}

output "rootposture_targets" {
  description = "Account name → audit role ARN, for rootposture.targets=terraform (--terraform-output rootposture_targets)."
  value = {
    "prod-payments"    = module.audit_role_prod_payments.role_arn
    "dev-sandbox"      = module.audit_role_dev_sandbox.role_arn
    "security-tooling" = module.audit_role_security_tooling.role_arn
  }
}
