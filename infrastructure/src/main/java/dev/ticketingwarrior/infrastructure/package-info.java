/** The production architecture of Ticketing-Warrior as an AWS CDK app: one stack per concern, wired by props records. */
package dev.ticketingwarrior.infrastructure;
