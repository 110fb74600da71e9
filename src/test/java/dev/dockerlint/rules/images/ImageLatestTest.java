package dev.dockerlint.rules.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageLatestTest {
  private final RuleTester tester = new RuleTester(new ImageLatest());

  static Stream<String> valid() {
    return Stream.of(
        "FROM node:20-alpine\n",
        "FROM node\n",
        "FROM scratch\n",
        "FROM alpine:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        "FROM node:lts@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        "FROM registry.example.com:5000/app:1.2\n",
        "FROM golang:1.22 AS latest\nFROM latest\n",
        "FROM golang:1.22 AS lts\nFROM lts\n",
        "ARG TAG\nFROM node:${TAG}\n",
        "ARG TAG=20\nFROM node:${TAG}\n",
        "FROM node:20 AS Build\nFROM build\n",
        // a version or a date pins a tag that also names a channel
        "FROM debian:stable-20240110-slim\n",
        "FROM example.com/app:stable-2\n",
        "FROM python:3-alpine\n",
        // release codenames are releases, not channels
        "FROM debian:bookworm-slim\n",
        "FROM ubuntu:jammy\n",
        "FROM buildpack-deps:bookworm-scm\n",
        // node's LTS codenames pin a major version
        "FROM node:hydrogen-alpine\n",
        // variant-only tags float for official images; others may use any scheme
        "FROM bitnami/node:alpine\n",
        "FROM ghcr.io/org/tool:slim\n",
        // words inside a part are not the part
        "FROM example.com/latestapp:1.0\n",
        "FROM example.com/app:stableish\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|node:latest|]\n",
        "from [|ubuntu:latest|] as base\nRUN true\n",
        "ARG VERSION=latest\nFROM [|alpine:${VERSION}|]\n",
        "ARG IMAGE=python:latest\nFROM [|$IMAGE|] AS app\n",
        "FROM [|registry.example.com:5000/team/app:latest|]\n",
        "FROM --platform=$BUILDPLATFORM [|golang:latest|] AS build\nFROM [|alpine:latest|]\nCOPY --from=build /x /x\n",
        "FROM \\\n  [|node:latest|]\n",
        // floating channels
        "FROM [|node:lts|]\n",
        "FROM [|node:lts-alpine3.20|]\n",
        "FROM [|node:current-slim|]\n",
        "FROM [|nginx:stable-alpine|]\n",
        "FROM [|nginx:mainline|]\n",
        "FROM [|ubuntu:rolling|]\n",
        "FROM [|alpine:edge|]\n",
        "FROM [|debian:sid-slim|]\n",
        "FROM [|debian:testing|]\n",
        "FROM [|fedora:rawhide|]\n",
        "FROM [|node:latest-slim|]\n",
        "FROM [|ghcr.io/org/app:latest-dev|]\n",
        "FROM [|example.com/app:Stable|]\n",
        "ARG CHANNEL=lts\nFROM [|node:${CHANNEL}-alpine|] AS build\nFROM [|nginx:${CHANNEL}|]\n",
        "FROM \\\n  # the runtime\n  [|node:lts|]\n",
        // official images' variant tags without a version
        "FROM [|golang:alpine|] AS builder\nFROM scratch\n",
        "FROM [|python:slim-bookworm|]\n",
        "FROM [|php:apache|]\n",
        "FROM [|docker.io/library/ruby:alpine|]\n");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void valid(String source) {
    tester.check(source);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalid(String source) {
    tester.check(source);
  }

  @Test
  void messageNamesTheResolvedImageAndSuggestsAVersion() {
    var findings = tester.check("ARG V=latest\nFROM [|node:${V}|]\n");
    assertThat(findings.get(0).message())
        .isEqualTo("Image 'node:latest' (from node:${V}) uses the mutable 'latest' tag; pin a version such as node:<version>");
    assertThat(findings.get(0).aliases()).containsExactly("DL3007");
  }

  @Test
  void floatingTagsNameTheChannelKeepTheVariantAndAreNotDl3007() {
    var findings = tester.check("FROM [|node:lts-alpine|]\n");
    assertThat(findings.get(0).message()).isEqualTo("Image 'node:lts-alpine' uses a floating tag: 'lts' moves to each "
        + "new release; pin a version such as node:<version>-alpine");
    assertThat(findings.get(0).aliases()).as("hadolint's DL3007 pragmas cover 'latest' only").isEmpty();
    assertThat(tester.check("FROM [|golang:alpine|]\n").get(0).message()).isEqualTo("Image 'golang:alpine' names no "
        + "version in its tag, so it follows every new golang release; pin a version such as golang:<version>-alpine");
  }
}
