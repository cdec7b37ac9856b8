package dev.ticketingwarrior.botrunner.control.domain;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;

/** A change ops ask for: a field left null keeps its current value. */
public record SettingsChange(Boolean enabled, Integer perRound, Difficulty difficulty, Double cancelProbability) {}
