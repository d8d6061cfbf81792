/**
 * The lab's wire formats, internal to the lab: requests, answers and errors of the AWS Query, JSON 1.1 and REST-JSON
 * protocols, SigV4 credential scopes and pagination. Public only for the lab's service packages.
 */
package org.rootposture.lab.protocol;
